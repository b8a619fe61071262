/**
 * The end-to-end flow a user follows with the parent/child example, as named steps: open the
 * example, see a diagnostic for a typo in the Problems panel, run the parent from the command
 * palette, then read its four children (two succeeded, two failed) in the Cloud Workflows view.
 * `scripts/vscode/runUi.ts` runs the steps in order against the installed VSIX.
 */
import * as assert from 'node:assert/strict';
import { DEFAULT_TIMEOUT, Workbench, type Row } from './workbench';

export interface UiContext {
  workbench: Workbench;
  /** Saves a screenshot under `.test-artifacts/ui/` and returns its path. */
  screenshot(name: string): Promise<string>;
  log(message: string): void;
}

export interface UiStep {
  name: string;
  run(context: UiContext): Promise<void>;
}

/**
 * Copied into the workspace as `.vscode/settings.json`: children "sleep" on a virtual clock, and
 * edits stay in the editor (VS Code in a browser auto-saves after 1 s by default: the typo of the
 * Problems step reached the disk, and a save still in flight when it was undone could leave it
 * there for Debug, which deploys the files on disk).
 */
export const WORKSPACE_SETTINGS = { 'cloudWorkflows.emulator.clock': 'virtual', 'files.autoSave': 'off' };

const PARENT = 'workflow-parent.yaml';

/** Appended to the example's test file in the UI workspace: a wrong expectation, to show its diff. */
export const FAILING_TEST = `
  - name: a wrong expectation shows its diff
    expect:
      result_includes:
        success: {"1": Hello world 1, "3": Hello world3}
`;
const RETURN_LINE = 43; // `        return: ${execution_results}` in examples/parent-child/workflow-parent.yaml
const SAVE_LINE = 33; // `- save_successful_execution:`, inside the parallel for's try
/** `          - execution_results: {}` (line 7): the cursor lands inside the variable's name. */
const RESULTS_LINE = 7;
const RESULTS_COLUMN = 15;
/** `execution_results` in the example: three assign keys, `shared`, two keys in the loop, `return`. */
const RESULTS_OCCURRENCES = 7;
/** What Find also matches: the step name `return_execution_results`, another symbol. */
const RESULTS_IN_STEP_NAME = 1;
const RENAMED = 'child_results';
const RUN_TIMEOUT = DEFAULT_TIMEOUT + 60_000;

function describe(rows: Row[]): string {
  const cut = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);
  return rows.map((row) => `${'  '.repeat(row.level - 1)}${cut(row.text)} [${cut(row.ariaLabel)}]`).join('\n');
}

/**
 * The state of an execution row, read from its accessible label ("<id or label> SUCCEEDED · …");
 * rows that are not executions (summaries, result values) have none.
 */
function stateOf(row: Row): 'succeeded' | 'failed' | 'cancelled' | 'active' | undefined {
  const match = / (SUCCEEDED|FAILED|CANCELLED|ACTIVE|QUEUED)(?: ·|,|$)/.exec(row.ariaLabel || row.text);
  if (!match) return undefined;
  return match[1] === 'QUEUED' ? 'active' : (match[1].toLowerCase() as 'succeeded' | 'failed' | 'cancelled' | 'active');
}

function finished(row: Row): boolean {
  const state = stateOf(row);
  return state !== undefined && state !== 'active';
}

/** The direct children of the row at `index` in a flattened tree. */
function childrenOf(rows: Row[], index: number): Row[] {
  const children: Row[] = [];
  for (const row of rows.slice(index + 1)) {
    if (row.level <= rows[index].level) break;
    if (row.level === rows[index].level + 1) children.push(row);
  }
  return children;
}

/** The executions listed under the `workflow-parent` row (newest first). */
function parentExecutions(rows: Row[]): Row[] {
  const workflow = rows.findIndex((row) => row.text.startsWith('workflow-parent'));
  return workflow < 0 ? [] : childrenOf(rows, workflow).filter((row) => stateOf(row) !== undefined);
}

/** The first finished execution listed under the `workflow-parent` row, with its index. */
function parentExecution(rows: Row[]): { row: Row; index: number } | undefined {
  const execution = parentExecutions(rows).find(finished);
  return execution && { row: execution, index: rows.indexOf(execution) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a screen reader says for a row (label and description with a space between), without the actions note. */
function spoken(row: Row): string {
  return (row.ariaLabel || row.text).replace(/, has actions$/, '');
}

/** Matches the row by its label (what comes before the state in its text). */
function rowLabel(row: Row): RegExp {
  return new RegExp(`^${escapeRegExp(row.text.split(/ (?:SUCCEEDED|FAILED|CANCELLED|ACTIVE|QUEUED)\b/)[0])}`);
}

async function pollRows(workbench: Workbench, what: string, ready: (rows: Row[]) => boolean): Promise<Row[]> {
  const deadline = Date.now() + RUN_TIMEOUT;
  let rows: Row[] = [];
  for (;;) {
    rows = await workbench.sidebarRows();
    if (ready(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the view shows:\n${describe(rows)}`);
    await workbench.page.waitForTimeout(250);
  }
}

/** Expands the newest finished parent execution and waits for its four finished children. */
async function expandNewestParent(workbench: Workbench): Promise<{ rows: Row[]; parent: { row: Row; index: number } }> {
  const newest = parentExecution(await workbench.sidebarRows());
  assert.ok(newest, 'the parent execution row went away');
  await workbench.expandSidebarRow(rowLabel(newest.row));
  const rows = await pollRows(workbench, 'four finished child executions', (all) => {
    const parent = parentExecution(all);
    return !!parent && childrenOf(all, parent.index).filter(finished).length >= 4;
  });
  const parent = parentExecution(rows);
  assert.ok(parent);
  return { rows, parent };
}

export const PARENT_CHILD_FLOW: UiStep[] = [
  {
    name: 'the workbench opens the example folder',
    run: async ({ workbench }) => workbench.waitForExplorerFile(PARENT),
  },
  {
    name: `opens ${PARENT} in an editor`,
    run: async ({ workbench, screenshot }) => {
      await workbench.openFile(PARENT, 'execute_child_workflows');
      await screenshot('01-editor');
    },
  },
  {
    name: 'a typo in a step key shows up in the Problems panel',
    run: async ({ workbench, screenshot, log }) => {
      await workbench.goToLine(RETURN_LINE);
      await workbench.page.keyboard.press('Home');
      await workbench.page.keyboard.type('x');
      await workbench.openProblems();
      const deadline = Date.now() + RUN_TIMEOUT;
      let problems: string[] = [];
      while (!problems.some((text) => text.includes('xreturn'))) {
        if (Date.now() > deadline) throw new Error(`no problem about 'xreturn' appeared; Problems shows: ${JSON.stringify(problems)}`);
        await workbench.page.waitForTimeout(250);
        problems = await workbench.problems();
      }
      log(`Problems: ${JSON.stringify(problems)}`);
      await screenshot('02-problems');
    },
  },
  {
    name: 'undoing the typo clears the problem',
    run: async ({ workbench }) => {
      await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await workbench.page.keyboard.press('Control+Z');
      const deadline = Date.now() + RUN_TIMEOUT;
      for (;;) {
        const problems = await workbench.problems();
        if (!problems.some((text) => text.includes('xreturn'))) break;
        if (Date.now() > deadline) throw new Error(`the problem stayed after undo: ${JSON.stringify(problems)}`);
        await workbench.page.waitForTimeout(250);
      }
    },
  },
  {
    name: 'Cloud Workflows: Run Workflow runs the parent from the command palette',
    run: async ({ workbench, log }) => {
      await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await workbench.runCommand('Cloud Workflows: Run Workflow');
      // The command may first confirm the workflow ID (prefilled); the last box asks for the argument.
      for (let box = 1; ; box += 1) {
        const prompt = await workbench.acceptInputBox();
        log(`input box ${box} accepted as is: ${JSON.stringify(prompt.split('\n').slice(0, 2).join(' / '))}`);
        if (/argument/i.test(prompt)) break;
        if (box === 3) throw new Error('no input box asked for the argument after 3 boxes');
      }
    },
  },
  {
    name: 'the Cloud Workflows view lists the finished parent execution under workflow-parent',
    run: async ({ workbench, screenshot }) => {
      await workbench.openViewContainer('Cloud Workflows');
      await workbench.expandSidebarRow(/^workflow-parent/);
      await pollRows(workbench, 'a finished execution under workflow-parent', (rows) => parentExecution(rows) !== undefined);
      await screenshot('03-executions');
    },
  },
  {
    name: 'the parent execution expands to four children: 2 succeeded, 2 failed',
    run: async ({ workbench, screenshot, log }) => {
      const { rows, parent } = await expandNewestParent(workbench);
      log(`execution tree:\n${describe(rows)}`);
      const children = childrenOf(rows, parent.index).filter((row) => stateOf(row) !== undefined);
      assert.deepEqual(
        children.map(stateOf).sort(),
        ['failed', 'failed', 'succeeded', 'succeeded'],
        `child executions:\n${describe(children)}`,
      );
      await screenshot('04-children');
    },
  },
  {
    name: 'the ▶ Run button in the editor title asks for the argument and runs the parent again',
    run: async ({ workbench, log }) => {
      await workbench.activateTab(PARENT);
      await workbench.clickEditorTitleAction('Run Workflow');
      const prompt = await workbench.acceptInputBox();
      log(`the button asked: ${JSON.stringify(prompt.split('\n').slice(0, 2).join(' / '))}`);
      assert.match(prompt, /Run workflow-parent/);
      await pollRows(workbench, 'a second finished parent execution', (rows) => parentExecutions(rows).filter(finished).length >= 2);
    },
  },
  {
    name: 'the new parent expands to its children, and "Open Result or Error" works on a child without Refresh',
    run: async ({ workbench, screenshot, log }) => {
      const { rows, parent } = await expandNewestParent(workbench);
      const child = childrenOf(rows, parent.index).find((row) => row.text.startsWith('iteration: 1'));
      assert.ok(child, `no child iteration: 1 under the new parent:\n${describe(rows)}`);
      const normalized = async (): Promise<string[]> => (await workbench.editorTabs()).map((tab) => tab.replace(/\s+/g, ''));
      const before = await normalized();
      await workbench.sidebarContextMenu(/^iteration: 1(?!\d)/, 'Open Result or Error');
      // The child's result replaces the parent's in the preview tab: a new `<child ID>.result.json`.
      const deadline = Date.now() + RUN_TIMEOUT;
      let tabs = before;
      while (!tabs.some((tab) => tab.endsWith('.result.json') && !before.includes(tab))) {
        if (Date.now() > deadline) throw new Error(`no result document opened; tabs: ${JSON.stringify(tabs)}; notifications: ${await workbench.notifications()}`);
        await workbench.page.waitForTimeout(250);
        tabs = await normalized();
      }
      log(`tabs: ${JSON.stringify(tabs)}`);
      await screenshot('05-open-result');
    },
  },
  {
    name: 'Retry Failed Children shows each retry after the child it re-runs, and the effective result',
    run: async ({ workbench, screenshot, log }) => {
      const parent = parentExecution(await workbench.sidebarRows());
      assert.ok(parent);
      await workbench.sidebarContextMenu(rowLabel(parent.row), 'Retry Failed Children');
      const rows = await pollRows(workbench, 'the two retries to finish under the parent', (all) => {
        const p = parentExecution(all);
        if (!p) return false;
        const under = childrenOf(all, p.index);
        return under.map(spoken).filter((t) => /\(retry 1\) FAILED/.test(t)).length === 2 && under.some((row) => row.text.startsWith('effective result'));
      });
      const p = parentExecution(rows);
      assert.ok(p);
      const texts = childrenOf(rows, p.index).map(spoken);
      log(`retried tree:\n${describe(rows)}`);
      assert.deepEqual(
        texts.filter((t) => t.startsWith('iteration: ')).map((t) => t.replace(/ · .*$/, '')),
        [
          'iteration: 1 SUCCEEDED',
          'iteration: 2 FAILED → retried: FAILED',
          'iteration: 2 (retry 1) FAILED',
          'iteration: 3 SUCCEEDED',
          'iteration: 4 FAILED → retried: FAILED',
          'iteration: 4 (retry 1) FAILED',
        ],
      );
      await screenshot('05-retried');
    },
  },
  {
    name: 'a click on the parent execution opens Execution Details with its steps and children',
    run: async ({ workbench, screenshot, log }) => {
      const parent = parentExecution(await workbench.sidebarRows());
      assert.ok(parent, 'the parent execution row went away');
      await workbench.clickSidebarRow(rowLabel(parent.row));
      const page = workbench.webviewFrame();
      await page.locator('h2', { hasText: /^Children \(\d+\)$/ }).waitFor({ timeout: DEFAULT_TIMEOUT });
      await page.locator('h2', { hasText: /^Steps \(\d+\)$/ }).waitFor({ timeout: DEFAULT_TIMEOUT });
      assert.equal(await page.locator('h1').innerText(), 'workflow-parent');
      const states = await page.locator('table.children td.state').allInnerTexts();
      assert.ok(states.length >= 4 && states.every((s) => s === 'SUCCEEDED' || s === 'FAILED'), `children states: ${states.join(', ')}`);
      // Room for the panel in the screenshot: hide the bottom panel (Problems) if it is open.
      if (await workbench.page.locator('.part.panel').isVisible()) {
        await workbench.runCommand('View: Toggle Panel Visibility').catch((err: unknown) => log(`could not hide the panel: ${String(err)}`));
      }
      await screenshot('06-details');
    },
  },
  {
    name: 'Debug Workflow stops at a breakpoint in a parallel iteration and shows its variables',
    run: async ({ workbench, screenshot, log }) => {
      // Run left the parent's result in front: bring the workflow back first.
      await workbench.quickOpen(PARENT, 'execution_results');
      await workbench.goToLine(SAVE_LINE);
      await workbench.page.keyboard.press('F9');
      await workbench.runCommand('Cloud Workflows: Debug Workflow');
      await workbench.acceptInputBox();
      await pollRows(workbench, 'an iteration paused on the breakpoint in Call Stack', (all) => all.some((row) => /PAUSED ON BREAKPOINT/.test(row.text)));
      // Two iterations may stop at once; show the first one's frame and open both scopes.
      await workbench.expandSidebarRow(/paused on breakpoint/i);
      await workbench.expandSidebarRow(/^Locals/);
      await workbench.expandSidebarRow(/^Shared/);
      const rows = await pollRows(workbench, "the stopped iteration's variables in Run and Debug", (all) => all.some((row) => /^execution_result\b/.test(row.text)));
      log(`Run and Debug:\n${describe(rows)}`);
      assert.ok(rows.some((row) => /^iteration\b/.test(row.text)), 'the Variables view shows the loop variable');
      await screenshot('07-debugger');
      await workbench.page.keyboard.press('Shift+F5');
    },
  },
  {
    name: 'Test: Run All Tests runs the example\'s workflow tests and shows the failing one\'s diff',
    run: async ({ workbench, screenshot }) => {
      await workbench.openViewContainer('Explorer');
      await workbench.openFile('workflow-parent.test.yaml', 'runs four real children');
      await workbench.runCommand('Test: Run All Tests');
      // The failure peeks open in the visible test file, with the expected/actual diff.
      const message = workbench.page.getByText('result_includes differs', { exact: false }).first();
      await message.waitFor({ timeout: RUN_TIMEOUT });
      // Opening the message shows the expected/actual diff in a peek at the test.
      await message.click();
      await workbench.page.locator('.monaco-diff-editor').first().waitFor({ timeout: RUN_TIMEOUT });
      await screenshot('08-test-failure');
    },
  },
  {
    name: 'Show Workflow Graph draws the parent beside it, and a click on a node selects its step',
    run: async ({ workbench, screenshot }) => {
      await workbench.quickOpen(PARENT, 'execution_results');
      await workbench.runCommand('Cloud Workflows: Show Workflow Graph');
      const graph = workbench.webviewFrame();
      const node = graph.locator('.node[data-id="main/execute_child_workflow"]');
      await node.waitFor({ timeout: DEFAULT_TIMEOUT });
      await node.click();
      // The step's name is on line 20 of the example: the editor's cursor moves there.
      await workbench.page.locator('.statusbar-item', { hasText: /Ln 20, Col/ }).first().waitFor({ timeout: DEFAULT_TIMEOUT });
      await screenshot('09-graph');
    },
  },
  {
    name: 'Rename (F2) of a variable rewrites its seven occurrences through the language server, and undo restores them',
    run: async ({ workbench, screenshot, log }) => {
      // Last step: the document is restored and closed unsaved, so the file on disk never changes.
      await workbench.runCommand('View: Close All Editor Groups');
      if (await workbench.page.locator('.part.panel').isVisible()) {
        await workbench.runCommand('View: Toggle Panel Visibility').catch((err: unknown) => log(`could not hide the panel: ${String(err)}`));
      }
      await workbench.quickOpen(PARENT, 'execution_results');
      await workbench.expectFindCount('execution_results', RESULTS_OCCURRENCES + RESULTS_IN_STEP_NAME);
      await workbench.goToLine(RESULTS_LINE, RESULTS_COLUMN);
      // Out of the way of the screenshot: a pointer left over the text would open a hover.
      await workbench.page.mouse.move(640, 2);
      await workbench.page.keyboard.press('F2');
      // The box opens with what the server's prepareRename answered, selected.
      const box = workbench.page.locator('.monaco-editor .rename-box input.rename-input').first();
      await box.waitFor({ timeout: DEFAULT_TIMEOUT });
      assert.equal(await box.inputValue(), 'execution_results');
      // Written into the box itself (keys sent before it takes the focus would edit the document).
      // The widget may set its value once more while it settles (a loaded machine saw the typed
      // name reset halfway), so the name is written again until it holds for 300 ms.
      let value = '';
      for (let attempt = 0; attempt < 5 && value !== RENAMED; attempt++) {
        await box.fill(RENAMED);
        await workbench.page.waitForTimeout(300);
        value = await box.inputValue();
        if (value !== RENAMED) log(`the rename box held '${value}' after writing ${RENAMED}; writing it again`);
      }
      assert.equal(value, RENAMED);
      await screenshot('10-rename');
      await box.press('Enter');
      await box.waitFor({ state: 'hidden', timeout: DEFAULT_TIMEOUT });
      await workbench.expectFindCount(RENAMED, RESULTS_OCCURRENCES);
      // Left alone: the step `return_execution_results` is not the variable.
      await workbench.expectFindCount('execution_results', RESULTS_IN_STEP_NAME);
      log(`renamed execution_results to ${RENAMED}: ${RESULTS_OCCURRENCES} occurrences`);
      await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await workbench.page.keyboard.press('Control+Z');
      await workbench.expectFindCount('execution_results', RESULTS_OCCURRENCES + RESULTS_IN_STEP_NAME);
      await workbench.expectFindCount(RENAMED, 0);
      const dirty = workbench.page.locator('.tabs-container .tab.dirty', { hasText: PARENT });
      await dirty.waitFor({ state: 'detached', timeout: DEFAULT_TIMEOUT });
      await workbench.runCommand('View: Revert and Close Editor');
      await workbench.page.locator('.tabs-container .tab', { hasText: PARENT }).waitFor({ state: 'detached', timeout: DEFAULT_TIMEOUT });
    },
  },
];
