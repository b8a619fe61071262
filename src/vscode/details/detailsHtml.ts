/**
 * The Execution Details page: the shared webview shell (`util/webviewPage.ts`) with the script and
 * stylesheet of `media/details/`. The page draws everything from `model` messages with DOM APIs
 * (`textContent`), never as HTML.
 */
import { webviewPage, type PageResources } from '../util/webviewPage';

export type { PageResources } from '../util/webviewPage';

export function detailsHtml(resources: PageResources, title: string): string {
  return webviewPage(resources, title, '<main id="app" aria-live="polite"><p class="muted">Loading the execution…</p></main>');
}
