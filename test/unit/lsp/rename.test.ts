import { deepStrictEqual, rejects } from 'assert';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { withServer } from './features';
import type { LspServer } from './lspClient';

const range = (line: number, start: number, end: number, endLine = line): Range => ({ start: { line, character: start }, end: { line: endLine, character: end } });

const YAML_URI = 'file:///work/scopes.workflows.yaml';
const YAML = [
  'main:',
  '  params: [args]',
  '  steps:',
  '    - init:',
  '        assign:',
  '          - name: ${args.name}',
  '          - total: 0',
  '        next: "loop"',
  '    - loop:',
  '        for:',
  '          value: item',
  '          in: ${args.items}',
  '          steps:',
  '            - add:',
  '                assign:',
  '                  - total: ${total + item}',
  '    - greet:',
  '        call: greet_user',
  '        args:',
  '          who: ${name}',
  '        result: greeting',
  '    - done:',
  '        return: ${greet_user(greeting) + name}',
  'greet_user:',
  '  params: [who]',
  '  steps:',
  '    - build:',
  '        try:',
  '          assign:',
  '            - name: ${"Hello, " + who}',
  '        except:',
  "          as: 'e'",
  '          steps:',
  '            - failed:',
  '                raise: ${e}',
  '    - out:',
  '        return: ${name}',
  '',
].join('\n');

const PARALLEL_URI = 'file:///work/parallel.workflows.yaml';
const PARALLEL = [
  'main:',
  '  steps:',
  '    - init:',
  '        assign:',
  '          - total: 0',
  '    - fan_out:',
  '        parallel:',
  '          shared: [total]',
  '          for:',
  '            value: n',
  '            range: [1, 3]',
  '            steps:',
  '              - add:',
  '                  assign:',
  '                    - total: ${total + n}',
  '                    - local: ${n}',
  '    - done:',
  '        return: ${total}',
  '',
].join('\n');

const JSON_URI = 'file:///work/scopes.workflows.json';
const JSON_TEXT = '{"main": {"params": ["args"], "steps": [{"first": {"assign": [{"x": "${args.a}"}], "next": "second"}}, {"second": {"return": "${x}"}}]}}';

describe('lsp: references and rename', () => {
  const shared = withServer([{ uri: YAML_URI, text: YAML }, { uri: JSON_URI, text: JSON_TEXT, languageId: 'json' }, { uri: PARALLEL_URI, text: PARALLEL }]);
  const server = (): LspServer => shared.server();
  const references = (uri: string, line: number, character: number, includeDeclaration = true) =>
    server().connection.sendRequest<Location[] | null>('textDocument/references', { textDocument: { uri }, position: { line, character }, context: { includeDeclaration } });
  const prepare = (uri: string, line: number, character: number) => server().connection.sendRequest<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri }, position: { line, character } });
  const rename = (uri: string, line: number, character: number, newName: string) =>
    server().connection.sendRequest<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri }, position: { line, character }, newName });
  const at = (uri: string, ...ranges: Range[]): Location[] => ranges.map((r) => ({ uri, range: r }));
  const edits = (uri: string, ...changes: [Range, string][]): WorkspaceEdit => ({ changes: { [uri]: changes.map(([r, newText]) => ({ range: r, newText })) } });
  const refused = (message: string) => ({ code: -32600, message });

  describe('references', () => {
    it('finds a variable from a read: its assignment and every read in the same routine', async () => {
      deepStrictEqual(await references(YAML_URI, 19, 18), at(YAML_URI, range(5, 12, 16), range(19, 17, 21), range(22, 41, 45)));
    });

    it('leaves the declaration out when includeDeclaration is false', async () => {
      deepStrictEqual(await references(YAML_URI, 19, 18, false), at(YAML_URI, range(19, 17, 21), range(22, 41, 45)));
    });

    it('keeps the same name in another subworkflow apart', async () => {
      deepStrictEqual(await references(YAML_URI, 36, 19), at(YAML_URI, range(29, 14, 18), range(36, 18, 22)));
    });

    it('finds a write inside a loop as the variable of the routine', async () => {
      deepStrictEqual(await references(YAML_URI, 15, 30), at(YAML_URI, range(6, 12, 17), range(15, 20, 25), range(15, 29, 34)));
    });

    it('finds a loop variable from its declaration', async () => {
      deepStrictEqual(await references(YAML_URI, 10, 18), at(YAML_URI, range(10, 17, 21), range(15, 37, 41)));
    });

    it('finds an except variable inside its quotes', async () => {
      deepStrictEqual(await references(YAML_URI, 31, 15), at(YAML_URI, range(31, 15, 16), range(34, 25, 26)));
    });

    it('finds a parameter and its reads', async () => {
      deepStrictEqual(await references(YAML_URI, 1, 11), at(YAML_URI, range(1, 11, 15), range(5, 20, 24), range(11, 16, 20)));
    });

    it('finds a step from a next target', async () => {
      deepStrictEqual(await references(YAML_URI, 7, 16), at(YAML_URI, range(7, 15, 19), range(8, 6, 10)));
    });

    it('finds a subworkflow: call steps, calls in expressions and its definition', async () => {
      deepStrictEqual(await references(YAML_URI, 17, 16), at(YAML_URI, range(17, 14, 24), range(22, 18, 28), range(23, 0, 10)));
    });

    it('answers null on a key', async () => {
      deepStrictEqual(await references(YAML_URI, 4, 9), null);
    });
  });

  describe('rename in YAML', () => {
    it('prepares the name under the cursor', async () => {
      deepStrictEqual(await prepare(YAML_URI, 7, 16), { range: range(7, 15, 19), placeholder: 'loop' });
    });

    it('renames a step, keeping quoted targets quoted and plain names plain', async () => {
      deepStrictEqual(await rename(YAML_URI, 8, 7, 'each-item'), edits(YAML_URI, [range(7, 14, 20), '"each-item"'], [range(8, 6, 10), 'each-item']));
    });

    it('quotes a plain name that would read as a boolean', async () => {
      deepStrictEqual(await rename(YAML_URI, 3, 7, 'true'), edits(YAML_URI, [range(3, 6, 10), '"true"']));
    });

    it('renames a variable in one subworkflow only', async () => {
      deepStrictEqual(await rename(YAML_URI, 29, 15, 'message'), edits(YAML_URI, [range(29, 14, 18), 'message'], [range(36, 18, 22), 'message']));
    });

    it('renames a subworkflow everywhere it is called', async () => {
      deepStrictEqual(await rename(YAML_URI, 23, 3, 'welcome'), edits(YAML_URI, [range(17, 14, 24), 'welcome'], [range(22, 18, 28), 'welcome'], [range(23, 0, 10), 'welcome']));
    });

    it('renames a parameter with the args keys that pass it', async () => {
      const expected = edits(YAML_URI, [range(19, 10, 13), 'greeting_target'], [range(24, 11, 14), 'greeting_target'], [range(29, 34, 37), 'greeting_target']);
      deepStrictEqual(await rename(YAML_URI, 24, 12, 'greeting_target'), expected);
      deepStrictEqual(await rename(YAML_URI, 19, 11, 'greeting_target'), expected);
    });

    it('renames a single-quoted except variable inside its quotes', async () => {
      deepStrictEqual(await rename(YAML_URI, 34, 25, 'err'), edits(YAML_URI, [range(31, 14, 17), "'err'"], [range(34, 25, 26), 'err']));
    });
  });

  describe('rename in a parallel step', () => {
    it('renames a shared variable in the shared list, in the iteration and after the step', async () => {
      deepStrictEqual(
        await rename(PARALLEL_URI, 7, 20, 'sum'),
        edits(PARALLEL_URI, [range(4, 12, 17), 'sum'], [range(7, 19, 24), 'sum'], [range(14, 22, 27), 'sum'], [range(14, 31, 36), 'sum'], [range(17, 18, 23), 'sum']),
      );
    });

    it('refuses to give an iteration variable the name of the loop variable', async () => {
      await rejects(rename(PARALLEL_URI, 15, 22, 'n'), refused("A variable named 'n' already exists in this scope, a scope around it or a block inside it."));
    });
  });

  describe('rename in JSON', () => {
    it('renames a step key and its next target as JSON strings', async () => {
      deepStrictEqual(await rename(JSON_URI, 0, 106, 'finish'), edits(JSON_URI, [range(0, 91, 99), '"finish"'], [range(0, 104, 112), '"finish"']));
    });

    it('renames a variable in a target and in an expression', async () => {
      deepStrictEqual(await rename(JSON_URI, 0, 64, 'y'), edits(JSON_URI, [range(0, 64, 65), 'y'], [range(0, 128, 129), 'y']));
    });

    it('renames a parameter in the params list and in a read', async () => {
      deepStrictEqual(await rename(JSON_URI, 0, 23, 'input'), edits(JSON_URI, [range(0, 21, 27), '"input"'], [range(0, 71, 75), 'input']));
    });
  });

  describe('refused renames', () => {
    it('refuses a variable name that is not an identifier', async () => {
      await rejects(rename(YAML_URI, 19, 18, 'first-name'), refused("'first-name' is not a valid variable name: use letters, digits and '_', starting with a letter or '_'."));
    });

    it('refuses a keyword', async () => {
      await rejects(rename(YAML_URI, 19, 18, 'and'), refused("'and' is a keyword of the expression language."));
    });

    it('refuses a name already visible in the scope', async () => {
      await rejects(rename(YAML_URI, 19, 18, 'total'), refused("A variable named 'total' already exists in this scope, a scope around it or a block inside it."));
    });

    it('refuses a name a loop inside the scope already uses', async () => {
      await rejects(rename(YAML_URI, 19, 18, 'item'), refused("A variable named 'item' already exists in this scope, a scope around it or a block inside it."));
    });

    it('refuses a step name already taken in the routine', async () => {
      await rejects(rename(YAML_URI, 8, 7, 'greet'), refused("A step named 'greet' already exists in routine 'main'."));
    });

    it('refuses a special next target as a step name', async () => {
      await rejects(rename(YAML_URI, 8, 7, 'end'), refused("'end' cannot be a step name: 'next: end' already has a meaning of its own."));
    });

    it('refuses a standard-library name for a subworkflow', async () => {
      await rejects(rename(YAML_URI, 23, 3, 'len'), refused("'len' is a standard-library name."));
    });

    it('refuses to rename main', async () => {
      await rejects(prepare(YAML_URI, 0, 2), refused("'main' is the workflow's entry point: it cannot be renamed."));
    });

    it('refuses a new name that is not a string', async () => {
      await rejects(server().connection.sendRequest('textDocument/rename', { textDocument: { uri: YAML_URI }, position: { line: 8, character: 7 }, newName: 42 }), { code: -32602, message: 'newName must be a string' });
    });

    it('refuses where there is nothing to rename', async () => {
      await rejects(prepare(YAML_URI, 4, 9), refused('Only a step, a subworkflow or a variable can be renamed here.'));
    });
  });
});
