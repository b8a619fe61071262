import { deepStrictEqual } from 'assert';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { GREETER_URI } from './lspClient';
import { CALLS_URI, withServer } from './features';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('lsp: hover', () => {
  const { request } = withServer();
  const hover = (uri: string, line: number, character: number) => request<Hover | null>('textDocument/hover', uri, line, character);

  it('describes a parameter', async () => {
    deepStrictEqual(await hover(GREETER_URI, 5, 21), { contents: { kind: 'markdown', value: '`args`\n\nParameter on line 2.' }, range: range(5, 20, 24) });
  });

  it('describes a variable with the line of its first assignment', async () => {
    deepStrictEqual(await hover(GREETER_URI, 10, 18), { contents: { kind: 'markdown', value: '`name`\n\nVariable, first assigned on line 6.' }, range: range(10, 17, 21) });
  });

  it('shows the signature of a called subworkflow', async () => {
    deepStrictEqual(await hover(GREETER_URI, 8, 16), { contents: { kind: 'markdown', value: '`greet_user(who)`\n\nSubworkflow, line 15.' }, range: range(8, 14, 24) });
  });

  it('documents a standard-library function', async () => {
    const shown = await hover(CALLS_URI, 3, 16);
    deepStrictEqual(shown?.range, range(3, 14, 21));
    const value = shown && typeof shown.contents === 'object' && 'kind' in shown.contents ? shown.contents.value : '';
    deepStrictEqual(value.split('\n\n')[0], '`sys.log(data?, severity = "DEFAULT", text?, json?, timeout?) → null`');
  });

  it('answers null where there is nothing to describe', async () => {
    deepStrictEqual(await hover(GREETER_URI, 1, 2), null);
  });
});

describe('lsp: definition', () => {
  const { request } = withServer();
  const definition = (line: number, character: number) => request<Location | null>('textDocument/definition', GREETER_URI, line, character);

  it('goes from a call to the subworkflow', async () => {
    deepStrictEqual(await definition(8, 16), { uri: GREETER_URI, range: range(14, 0, 10) });
  });

  it('goes from a variable in an expression to its first assignment', async () => {
    deepStrictEqual(await definition(10, 18), { uri: GREETER_URI, range: range(5, 12, 16) });
  });

  it('goes from a call result in an expression to the result key', async () => {
    deepStrictEqual(await definition(13, 20), { uri: GREETER_URI, range: range(11, 16, 24) });
  });

  it('answers null off a symbol', async () => {
    deepStrictEqual(await definition(18, 22), null);
  });
});
