import { deepStrictEqual } from 'assert';
import type { SignatureHelp } from 'vscode-languageserver-protocol';
import { withServer } from './features';
import type { LspServer } from './lspClient';

const YAML_URI = 'file:///work/signatures.workflows.yaml';
const YAML = [
  'main:',
  '  steps:',
  '    - a:',
  '        call: text.split',
  '        args:',
  '          source: ${text.replace_all(x, "a", )}',
  '          sep',
  '    - b:',
  '        call: sub',
  '        args:',
  '          first: 1',
  '          ',
  '    - c:',
  '        return: ${sub(1, 2) + googleapis.x(1, }',
  'sub:',
  '  params: [first, second: 2]',
  '  steps:',
  '    - r:',
  '        return: ${first}',
  '',
].join('\n');

const JSON_URI = 'file:///work/signatures.workflows.json';
const JSON_TEXT = '{"main": {"steps": [{"a": {"call": "sub", "args": {"first": 1, "second": "${len(x)}"}}}]}, "sub": {"params": ["first", "second"], "steps": [{"r": {"return": 1}}]}}';

const SPLIT = {
  label: 'text.split(source, separator) → list<string>',
  documentation: { kind: 'markdown', value: 'Splits a string at every occurrence of a separator, keeping empty parts.' },
  parameters: [
    { label: [11, 17], documentation: { kind: 'markdown', value: 'The string.' } },
    { label: [19, 28], documentation: { kind: 'markdown', value: 'The separator string.' } },
  ],
};
const SUB = { label: 'sub(first, second = 2)', documentation: { kind: 'markdown', value: 'Subworkflow.' }, parameters: [{ label: [4, 9] }, { label: [11, 21] }] };
const help = (signature: object, activeParameter: number) => ({ signatures: [signature], activeSignature: 0, activeParameter });

describe('lsp: signature help', () => {
  const shared = withServer([{ uri: YAML_URI, text: YAML }, { uri: JSON_URI, text: JSON_TEXT, languageId: 'json' }]);
  const server = (): LspServer => shared.server();
  const signature = (uri: string, line: number, character: number) => server().connection.sendRequest<SignatureHelp | null>('textDocument/signatureHelp', { textDocument: { uri }, position: { line, character } });

  it('shows a standard-library function in an expression, with the parameter after two commas', async () => {
    deepStrictEqual(
      await signature(YAML_URI, 5, 44),
      help(
        {
          label: 'text.replace_all(source, substr, repl) → string',
          documentation: { kind: 'markdown', value: 'Replaces every non-overlapping occurrence of a substring.' },
          parameters: [
            { label: [17, 23], documentation: { kind: 'markdown', value: 'The string.' } },
            { label: [25, 31], documentation: { kind: 'markdown', value: 'The substring to replace.' } },
            { label: [33, 37], documentation: { kind: 'markdown', value: 'The replacement.' } },
          ],
        },
        2,
      ),
    );
  });

  it('shows a subworkflow called in an expression', async () => {
    deepStrictEqual(await signature(YAML_URI, 13, 25), help(SUB, 1));
  });

  it('picks the parameter of the args key being written', async () => {
    deepStrictEqual(await signature(YAML_URI, 6, 13), help(SPLIT, 1));
  });

  it('picks the parameter of the args key under the cursor', async () => {
    deepStrictEqual(await signature(YAML_URI, 5, 12), help(SPLIT, 0));
  });

  it('offers the first parameter not yet given on an empty args line', async () => {
    deepStrictEqual(await signature(YAML_URI, 11, 10), help(SUB, 1));
  });

  it('reads the args of a JSON call step', async () => {
    deepStrictEqual(await signature(JSON_URI, 0, 65), help({ ...SUB, label: 'sub(first, second)', parameters: [{ label: [4, 9] }, { label: [11, 17] }] }, 1));
  });

  it('prefers the call inside an expression in JSON', async () => {
    const shown = await signature(JSON_URI, 0, 80);
    deepStrictEqual([shown?.signatures[0].label, shown?.activeParameter], ['len(arg) → integer', 0]);
  });

  it('leaves connector calls to the connector signature help', async () => {
    deepStrictEqual(await signature(YAML_URI, 13, 45), null);
  });

  it('answers null off a call', async () => {
    deepStrictEqual(await signature(YAML_URI, 18, 10), null);
  });
});
