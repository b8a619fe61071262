import * as assert from 'node:assert/strict';
import { detailsHtml } from '../../../src/vscode/details/detailsHtml';
import { parseWebviewMessage } from '../../../src/vscode/details/detailsMessages';

const EXECUTION = 'projects/p/locations/l/workflows/w/executions/e';

describe('execution details: messages from the webview are checked before use', () => {
  it('accepts each well-formed message, keeping only the known fields', () => {
    assert.deepEqual(
      [
        { type: 'ready', extra: 1 },
        { type: 'refresh' },
        { type: 'openJson' },
        { type: 'openLogsInConsole' },
        { type: 'openLine', line: 12 },
        { type: 'openLine', line: 3, column: 7 },
        { type: 'selectStep', entryId: 5 },
        { type: 'openChild', name: EXECUTION },
        { type: 'rendered', summary: { state: 'SUCCEEDED', steps: 3, failedSteps: 0, logs: 1, children: 0, variables: '', more: true } },
      ].map(parseWebviewMessage),
      [
        { message: { type: 'ready' } },
        { message: { type: 'refresh' } },
        { message: { type: 'openJson' } },
        { message: { type: 'openLogsInConsole' } },
        { message: { type: 'openLine', line: 12, column: 1 } },
        { message: { type: 'openLine', line: 3, column: 7 } },
        { message: { type: 'selectStep', entryId: 5 } },
        { message: { type: 'openChild', name: EXECUTION } },
        { message: { type: 'rendered', summary: { state: 'SUCCEEDED', steps: 3, failedSteps: 0, logs: 1, children: 0, variables: '' } } },
      ],
    );
  });

  it('refuses malformed messages with a reason, never throwing', () => {
    const refused = [
      null,
      'ready',
      [],
      {},
      { type: 7 },
      { type: 'openLine' },
      { type: 'openLine', line: 0 },
      { type: 'openLine', line: 1.5 },
      { type: 'openLine', line: '3' },
      { type: 'openLine', line: 2, column: -1 },
      { type: 'openLine', line: 1e12 },
      { type: 'selectStep', entryId: -2 },
      { type: 'openChild', name: 'file:///etc/passwd' },
      { type: 'openChild', name: `${EXECUTION}/../../x` },
      { type: 'rendered', summary: { state: 'X', steps: -1, failedSteps: 0, logs: 0, children: 0, variables: '' } },
      { type: 'rendered' },
      { type: 'openUrl', url: 'https://evil.example' },
      { type: '__proto__' },
    ].map((m) => parseWebviewMessage(m));
    assert.deepEqual(refused, [
      { refused: 'not an object with a string "type"' },
      { refused: 'not an object with a string "type"' },
      { refused: 'not an object with a string "type"' },
      { refused: 'not an object with a string "type"' },
      { refused: 'not an object with a string "type"' },
      { refused: 'openLine needs a positive integer "line"' },
      { refused: 'openLine needs a positive integer "line"' },
      { refused: 'openLine needs a positive integer "line"' },
      { refused: 'openLine needs a positive integer "line"' },
      { refused: 'openLine has a bad "column"' },
      { refused: 'openLine needs a positive integer "line"' },
      { refused: 'selectStep needs a positive integer "entryId"' },
      { refused: 'openChild needs an execution name' },
      { refused: 'openChild needs an execution name' },
      { refused: 'rendered needs a summary' },
      { refused: 'rendered needs a summary' },
      { refused: 'unknown message type "openUrl"' },
      { refused: 'unknown message type "__proto__"' },
    ]);
  });

  it('survives random messages (a small fuzz): every answer is a message or a refusal', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const values: unknown[] = [null, undefined, 0, -1, 1, 2.5, 1e300, '', 'x', true, [], {}, EXECUTION, 'ready', 'openLine', 'selectStep', 'rendered', 'openChild'];
    const pick = (): unknown => values[Math.floor(random() * values.length)];
    for (let i = 0; i < 2000; i++) {
      const message: Record<string, unknown> = { type: pick(), line: pick(), column: pick(), entryId: pick(), name: pick(), summary: random() < 0.5 ? pick() : { state: pick(), steps: pick() } };
      const answer = parseWebviewMessage(message);
      assert.ok('message' in answer || ('refused' in answer && typeof answer.refused === 'string'));
    }
  });
});

describe('execution details: the page shell', () => {
  it('allows only nonce scripts and the webview’s own styles, with no inline script or style', () => {
    const html = detailsHtml({ cspSource: 'https://webview.test', scriptUri: 'https://webview.test/details.js', styleUri: 'https://webview.test/details.css' }, 'orders · <abc>');
    const csp = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
    assert.equal(csp, `default-src 'none'; style-src https://webview.test; script-src 'nonce-${nonce}'; img-src https://webview.test; font-src https://webview.test`);
    assert.ok(nonce.length >= 16);
    assert.deepEqual(html.match(/<script[^>]*>/g), [`<script nonce="${nonce}" src="https://webview.test/details.js">`]);
    assert.equal(/<style|\sstyle=|\son[a-z]+=/i.test(html), false);
    assert.ok(html.includes('<title>orders · &lt;abc&gt;</title>'));
    const again = detailsHtml({ cspSource: 'x', scriptUri: 'y', styleUri: 'z' }, 't');
    assert.notEqual(/'nonce-([^']+)'/.exec(again)?.[1], nonce);
  });
});
