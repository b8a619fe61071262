/**
 * The Execution Details page: a shell whose script and stylesheet come from the extension's
 * `media/details/` folder, under a strict Content Security Policy — no inline script or style, a
 * fresh nonce per page, nothing loaded from anywhere but the webview's own resource root. The
 * page draws everything from `model` messages with DOM APIs (`textContent`), never as HTML.
 */
import { randomBytes } from 'node:crypto';

export interface PageResources {
  /** `webview.cspSource`. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
}

export function detailsHtml(resources: PageResources, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(resources.styleUri)}">
<title>${escapeText(title)}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Loading the execution…</p></main>
<script nonce="${nonce}" src="${escapeAttribute(resources.scriptUri)}"></script>
</body>
</html>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
