import { deepStrictEqual, rejects } from 'assert';
import type { Range, SelectionRange } from 'vscode-languageserver-protocol';
import { withServer } from './features';
import type { LspServer } from './lspClient';

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({ start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } });

const YAML_URI = 'file:///work/selection.workflows.yaml';
const YAML = [
  'main:',
  '  params: [args]',
  '  steps:',
  '    - init:',
  '        assign:',
  '          - total: ${args.count + len(text.split(args.s, ","))}',
  '        next: done',
  '    - done:',
  '        return: ${total}',
  '',
].join('\n');
const JSON_URI = 'file:///work/selection.workflows.json';
const JSON_TEXT = '{"main": {"steps": [{"a": {"call": "sys.log", "args": {"text": "${x + 1}"}}}, {"b": {"return": 1}}]}}';

/** The chain of a selection range, innermost first. */
function chain(selection: SelectionRange | undefined): Range[] {
  const out: Range[] = [];
  for (let s = selection; s; s = s.parent) out.push(s.range);
  return out;
}

describe('lsp: selection ranges', () => {
  const shared = withServer([{ uri: YAML_URI, text: YAML }, { uri: JSON_URI, text: JSON_TEXT, languageId: 'json' }]);
  const server = (): LspServer => shared.server();
  const select = (uri: string, ...positions: { line: number; character: number }[]) => server().connection.sendRequest<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions });

  it('grows from a word to the routine in YAML', async () => {
    const [selection] = await select(YAML_URI, { line: 5, character: 30 });
    deepStrictEqual(chain(selection), [
      range(5, 26, 5, 31), // count
      range(5, 21, 5, 31), // args.count
      range(5, 21, 5, 62), // the expression
      range(5, 19, 5, 63), // ${…}
      range(5, 12, 5, 63), // total: ${…}
      range(4, 8, 5, 63), // assign: …
      range(4, 8, 6, 18), // the step body
      range(3, 6, 6, 18), // the step
      range(3, 6, 8, 24), // the steps of the list
      range(3, 4, 8, 24), // the list
      range(2, 2, 8, 24), // steps: …
      range(0, 0, 8, 24), // the routine
    ]);
  });

  it('selects the dotted parts of a call and its arguments', async () => {
    const [selection] = await select(YAML_URI, { line: 5, character: 45 });
    // split, text.split, text.split(…), len(…), the expression, ${…}
    deepStrictEqual(chain(selection).slice(0, 6), [range(5, 43, 5, 48), range(5, 38, 5, 48), range(5, 38, 5, 61), range(5, 34, 5, 62), range(5, 21, 5, 62), range(5, 19, 5, 63)]);
  });

  it('grows from a word to the routine in JSON', async () => {
    const [selection] = await select(JSON_URI, { line: 0, character: 66 });
    deepStrictEqual(chain(selection), [
      range(0, 66, 0, 67), // x
      range(0, 66, 0, 71), // x + 1
      range(0, 64, 0, 72), // ${x + 1}
      range(0, 63, 0, 73), // "${x + 1}"
      range(0, 55, 0, 73), // "text": "${x + 1}"
      range(0, 54, 0, 74), // {"text": …}
      range(0, 46, 0, 74), // "args": {…}
      range(0, 26, 0, 75), // the step body
      range(0, 20, 0, 76), // the step
      range(0, 20, 0, 98), // the steps of the list
      range(0, 19, 0, 99), // the list
      range(0, 10, 0, 99), // "steps": […]
      range(0, 1, 0, 100), // the routine
    ]);
  });

  it('answers one chain per position, an empty range off the workflow', async () => {
    const selections = await select(YAML_URI, { line: 6, character: 15 }, { line: 9, character: 0 });
    deepStrictEqual(selections.map((s) => chain(s).slice(0, 3)), [[range(6, 14, 6, 18), range(6, 8, 6, 18), range(4, 8, 6, 18)], [range(9, 0, 9, 0)]]);
  });

  it('refuses malformed positions', async () => {
    await rejects(server().connection.sendRequest('textDocument/selectionRange', { textDocument: { uri: YAML_URI }, positions: [{ line: -1, character: 0 }] }), {
      code: -32602,
      message: 'positions must be a list of non-negative integer lines and characters',
    });
  });
});
