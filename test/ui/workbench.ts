/**
 * A small page object over VS Code's web workbench for the UI tests: only stable, user-visible
 * surfaces (explorer rows, the quick input, the Problems panel, tree rows, the activity bar).
 * Every wait has a deadline; nothing sleeps a fixed time.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** Generous: on a busy shared machine the workbench can take a minute to open an editor. */
export const DEFAULT_TIMEOUT = Number(process.env.CW_UI_TIMEOUT ?? 120_000);

/** A row of a tree or list, as a user reads it. */
export interface Row {
  text: string;
  ariaLabel: string;
  level: number;
  expanded: boolean | undefined;
}

export class Workbench {
  constructor(readonly page: Page) {}

  /** Waits for the workbench and the explorer row of `fileName` in the opened folder. */
  async waitForExplorerFile(fileName: string, timeout = DEFAULT_TIMEOUT): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout });
    await this.explorerRow(fileName).waitFor({ timeout });
  }

  explorerRow(fileName: string): Locator {
    return this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  }

  /** Opens a file by clicking its explorer row, then waits for an editor showing `expectedText`. */
  async openFile(fileName: string, expectedText: string): Promise<void> {
    await this.explorerRow(fileName).dblclick();
    await this.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: expectedText }).first().waitFor({ timeout: DEFAULT_TIMEOUT });
  }

  /**
   * Brings a file of the workspace to the front with Quick Open (Ctrl+P), whatever the side bar
   * shows. Quick Open lists recent files before the search answers, and a click can land while the
   * list is being replaced: when the file does not come to the front, close and try again.
   */
  async quickOpen(fileName: string, expectedText: string): Promise<void> {
    const attempts = 3;
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+P');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: DEFAULT_TIMEOUT });
      await input.fill(fileName);
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().click();
      const editor = this.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: expectedText }).first();
      try {
        await editor.waitFor({ timeout: attempt < attempts ? 30_000 : DEFAULT_TIMEOUT });
        return;
      } catch (err) {
        if (attempt >= attempts) throw err;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Moves the cursor of the active editor to a 1-based line (and column) with Go to Line. */
  async goToLine(line: number, column?: number): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: DEFAULT_TIMEOUT });
    await input.fill(column === undefined ? `:${line}` : `:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: DEFAULT_TIMEOUT });
  }

  /**
   * Runs a command from the palette: F1, type `title`, then CLICK the row whose label contains
   * `title` (Enter could pick a higher-ranked row, e.g. one recently used).
   */
  async runCommand(title: string): Promise<void> {
    // The palette lists commands as they stood when it opened: if a context key or an extension
    // was still settling, close it and open it again rather than wait on a stale list.
    const attempts = 3;
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: DEFAULT_TIMEOUT });
      await input.fill(`>${title}`);
      const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      const timeout = attempt === attempts ? DEFAULT_TIMEOUT : Math.min(DEFAULT_TIMEOUT, 15_000);
      try {
        await row.waitFor({ timeout });
      } catch (err) {
        if (attempt === attempts) throw err;
        await this.page.keyboard.press('Escape');
        continue;
      }
      await row.click();
      return;
    }
  }

  /** Waits for an input box that is not the command palette, and accepts it as it is with Enter. */
  async acceptInputBox(): Promise<string> {
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('input').first();
    // A string, so this file needs no DOM typings: it runs in the page.
    await this.page.waitForFunction(
      `(() => {
        const box = document.querySelector('.quick-input-widget');
        const field = box && box.querySelector('input');
        return !!box && box.style.display !== 'none' && box.offsetParent !== null && !!field && !field.value.startsWith('>');
      })()`,
      undefined,
      { timeout: DEFAULT_TIMEOUT },
    );
    const prompt = (await widget.innerText()).trim();
    await input.press('Enter');
    // Accepted when the box closes, or when the next box of the same command replaces it at once
    // (the widget is reused, so it may never be hidden in between).
    await this.page.waitForFunction(
      `((previous) => {
        const box = document.querySelector('.quick-input-widget');
        if (!box || box.style.display === 'none' || box.offsetParent === null) return true;
        return box.innerText.trim() !== previous;
      })(${JSON.stringify(prompt)})`,
      undefined,
      { timeout: DEFAULT_TIMEOUT },
    );
    return prompt;
  }

  /**
   * Counts the occurrences of `search` in the active editor with its Find widget (Ctrl+F), which
   * counts the whole document, not only the rendered lines. Waits until the widget shows `expected`
   * matches ("No results" is 0) and throws with what it last showed otherwise; closes the widget.
   */
  async expectFindCount(search: string, expected: number, timeout = 30_000): Promise<void> {
    await this.page.keyboard.press('Control+F');
    const widget = this.page.locator('.editor-widget.find-widget.visible').first();
    const input = widget.locator('.find-part .monaco-findInput .input').first();
    await input.waitFor({ timeout: DEFAULT_TIMEOUT });
    await input.fill(search);
    const count = widget.locator('.matchesCount').first();
    const deadline = Date.now() + timeout;
    let shown = '';
    for (;;) {
      shown = (await count.innerText()).trim();
      const total = shown === 'No results' ? 0 : Number(/^\S+ of (\d+)$/.exec(shown)?.[1] ?? NaN);
      if (total === expected && (await input.inputValue()) === search) break;
      if (Date.now() > deadline) throw new Error(`Find '${search}' shows "${shown}", expected ${expected} matches`);
      await this.page.waitForTimeout(250);
    }
    await this.page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: DEFAULT_TIMEOUT });
  }

  /** Texts of the Problems panel rows (opened with its focus command first). */
  async problems(): Promise<string[]> {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    return rows.allInnerTexts();
  }

  async openProblems(): Promise<void> {
    await this.runCommand('Focus on Problems View');
    await this.page.locator('.markers-panel').waitFor({ timeout: DEFAULT_TIMEOUT });
  }

  /** Clicks the activity bar entry of a view container, e.g. "Cloud Workflows". */
  async openViewContainer(title: string): Promise<void> {
    const item = this.page.locator(`.part.activitybar .action-item .action-label[aria-label^="${title}"]`).first();
    await item.waitFor({ timeout: DEFAULT_TIMEOUT });
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title', { hasText: title });
    if (!(await sidebarTitle.isVisible())) await item.click();
    await sidebarTitle.first().waitFor({ timeout: DEFAULT_TIMEOUT });
  }

  /** The rows of the tree in the side bar, top to bottom. */
  async sidebarRows(): Promise<Row[]> {
    return this.page.locator('.part.sidebar .monaco-list-row').evaluateAll((elements) =>
      elements.map((element) => ({
        text: (element as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim(),
        ariaLabel: element.getAttribute('aria-label') ?? '',
        level: Number(element.getAttribute('aria-level') ?? '1'),
        expanded: element.hasAttribute('aria-expanded') ? element.getAttribute('aria-expanded') === 'true' : undefined,
      })),
    );
  }

  /**
   * Expands the first side bar row whose text matches, if it is collapsed, until it shows as
   * expanded: a click that lands while the view re-renders the row (a refresh) is lost, so it is
   * clicked again.
   */
  async expandSidebarRow(match: RegExp): Promise<void> {
    const row = this.page.locator('.part.sidebar .monaco-list-row').filter({ hasText: match }).first();
    const deadline = Date.now() + DEFAULT_TIMEOUT;
    await row.waitFor({ timeout: DEFAULT_TIMEOUT });
    while ((await row.getAttribute('aria-expanded')) === 'false') {
      if (Date.now() > deadline) throw new Error(`the row ${match} did not expand`);
      await row.locator('.monaco-tl-twistie').click();
      // Polled: the expansion renders asynchronously (the children are fetched first).
      await this.page.waitForTimeout(500);
    }
  }

  /** Brings the editor tab whose label contains `name` to the front. */
  async activateTab(name: string): Promise<void> {
    const tab = this.page.locator('.tabs-container .tab', { hasText: name }).first();
    await tab.waitFor({ timeout: DEFAULT_TIMEOUT });
    await tab.click();
  }

  /** Clicks an action of the active editor's title bar by its label (e.g. "Run Workflow"). */
  async clickEditorTitleAction(label: string): Promise<void> {
    const action = this.page.locator(`.editor-group-container.active .editor-actions .action-label[aria-label^="${label}"]`).first();
    await action.waitFor({ timeout: DEFAULT_TIMEOUT });
    await action.click();
  }

  /** Right-clicks the first side bar row whose text matches and clicks `item` in its context menu. */
  async sidebarContextMenu(match: RegExp, item: string): Promise<void> {
    const row = this.page.locator('.part.sidebar .monaco-list-row').filter({ hasText: match }).first();
    await row.waitFor({ timeout: DEFAULT_TIMEOUT });
    await row.click({ button: 'right' });
    const entry = this.page.getByRole('menuitem', { name: item }).first();
    await entry.waitFor({ timeout: DEFAULT_TIMEOUT });
    await entry.click();
  }

  /** The labels of the open editor tabs. */
  async editorTabs(): Promise<string[]> {
    return this.page.locator('.tabs-container .tab').allInnerTexts();
  }

  /** Clicks the first side bar row whose text matches (its label, not its twistie). */
  async clickSidebarRow(match: RegExp): Promise<void> {
    const row = this.page.locator('.part.sidebar .monaco-list-row').filter({ hasText: match }).first();
    await row.waitFor({ timeout: DEFAULT_TIMEOUT });
    await row.locator('.label-name').first().click();
  }

  /** The content of the active webview (webviews nest the page in two iframes). */
  webviewFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  }

    /** Text of the notifications center (toasts may not show headless). */
  async notifications(): Promise<string> {
    await this.runCommand('Notifications: Show Notifications');
    const center = this.page.locator('.notifications-center');
    await center.waitFor({ timeout: DEFAULT_TIMEOUT });
    return (await center.innerText()).trim();
  }

  /** All visible text of the workbench, for failure reports. */
  async text(): Promise<string> {
    return this.page.locator('.monaco-workbench').innerText({ timeout: 5_000 }).catch((error: unknown) => `(no workbench text: ${String(error)})`);
  }
}
