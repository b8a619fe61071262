/**
 * Measures, inside the real extension host, how long the host is busy while someone types into a
 * large workflow: one-character edits 80 ms apart (a fast typist), each followed by the completion
 * request quick suggestions would make and, every fifth edit, a hover — the same work VS Code asks
 * of the extension while typing. A 2 ms interval timer records every stretch the host's event loop
 * could not run (the longest one is the longest task). Keystroke-to-diagnostics is the time from
 * the last edit to the diagnostics of that version. Not a test of speed: it always passes and
 * writes its figures to `CW_TYPING_BENCH_OUT` for `bench/typing.ts`.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { generateWorkflow } from '../../../bench/generateWorkflow';
import { activateExtension, openScratch, removeScratch, waitFor } from '../suite/editing/helpers';

const EDITS = 40;
const GAP_MS = 80;
const TICK_MS = 2;

/** What one typing run measured (read by bench/typing.ts). */
export interface TypingFigures {
  file: string;
  steps: number;
  kb: number;
  edits: number;
  longestTaskMs: number;
  p99TaskMs: number;
  tasksOver50: number;
  diagnosticsAfterLastEditMs: number;
  completionMedianMs: number;
}

/** Records how late each 2 ms tick fires: a late tick is the host busy with something else. */
function startLagSampler(): () => number[] {
  const delays: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const t = performance.now();
    delays.push(Math.max(0, t - last - TICK_MS));
    last = t;
  }, TICK_MS);
  return () => {
    clearInterval(timer);
    return delays;
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Types into the generated workflow of `steps` steps; as `.txt` it is VS Code alone (no YAML, no extension feature). */
async function typeInto(steps: number, extension = 'workflows.yaml'): Promise<TypingFigures> {
  const text = generateWorkflow(steps);
  const name = `typing-${steps}.${extension}`;
  const document = await openScratch(name, text);
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error('no editor');
  // Let the first check of the whole file finish before measuring typing.
  await waitFor(() => vscode.languages.getDiagnostics(document.uri), () => true, 'first diagnostics', 60_000);
  await sleep(5000);
  const lines = text.split('\n');
  const middle = lines.findIndex((line, i) => i > lines.length / 2 && line.trim() === 'Accept: application/json');
  const line = lines[middle];
  let column = line.length;
  const stop = startLagSampler();
  const completionTimes: number[] = [];
  let lastEditAt = 0;
  let diagnosticsAt = 0;
  const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === document.uri.toString())) diagnosticsAt = performance.now();
  });
  for (let i = 0; i < EDITS; i++) {
    const at = new vscode.Position(middle, column);
    await editor.edit((b) => b.insert(at, 'x'), { undoStopBefore: false, undoStopAfter: false });
    lastEditAt = performance.now();
    column++;
    const cursor = new vscode.Position(middle, column);
    const t = performance.now();
    await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, cursor);
    completionTimes.push(performance.now() - t);
    if (i % 5 === 0) await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(middle - 8, 12));
    await sleep(GAP_MS);
  }
  const deadline = performance.now() + 20_000;
  while (diagnosticsAt < lastEditAt && performance.now() < deadline) await sleep(10);
  await sleep(500);
  const delays = stop();
  subscription.dispose();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return {
    file: name,
    steps,
    kb: Math.round(Buffer.byteLength(text) / 1024),
    edits: EDITS,
    longestTaskMs: Math.max(...delays),
    p99TaskMs: percentile(delays, 99),
    tasksOver50: delays.filter((d) => d > 50).length,
    diagnosticsAfterLastEditMs: diagnosticsAt >= lastEditAt ? diagnosticsAt - lastEditAt : -1,
    completionMedianMs: percentile(completionTimes, 50),
  };
}

suite('bench: typing in a large workflow', () => {
  suiteSetup(activateExtension);
  suiteTeardown(removeScratch);

  test('types into the 128 KB and the 5,000-step workflows, and the latter as plain text', async function () {
    this.timeout(600_000);
    const figures = [await typeInto(1054), await typeInto(5000), await typeInto(5000, 'txt')];
    const out = process.env.CW_TYPING_BENCH_OUT;
    if (out) fs.writeFileSync(out, JSON.stringify(figures, null, 2));
    console.log(JSON.stringify(figures));
  });
});
