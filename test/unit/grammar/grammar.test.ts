import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IRawGrammar, type StateStack } from 'vscode-textmate';

const GRAMMAR_PATH = path.resolve(__dirname, '..', '..', '..', 'syntaxes', 'workflows.injection.tmLanguage.json');

/**
 * A small stand-in for VS Code's YAML grammar with the same scope names for the constructs that
 * matter here: comments, block mapping keys, quoted scalars and plain scalars. Like the real one
 * (checked by hand against VS Code's own YAML and JSON grammars too), plain keys and plain scalars
 * are begin/end rules, so the injection can match inside them, and a key's rule starts at its
 * first character.
 */
const YAML_HOST = {
  scopeName: 'source.yaml',
  patterns: [
    { match: '(?:^|\\s)(#.*)$', captures: { 1: { name: 'comment.line.number-sign.yaml' } } },
    {
      begin: '^(\\s*)(?:(-)\\s+)?(?=[^\\s#:\'"\\-][^:#]*?:(?:\\s|$))',
      beginCaptures: { 2: { name: 'punctuation.definition.block.sequence.item.yaml' } },
      end: '(?=\\s*:(?:\\s|$))',
      contentName: 'entity.name.tag.yaml',
    },
    { match: ':(?=\\s|$)', name: 'punctuation.separator.key-value.mapping.yaml' },
    { match: '^\\s*(-)(?=\\s)', captures: { 1: { name: 'punctuation.definition.block.sequence.item.yaml' } } },
    { begin: '"', end: '"', name: 'string.quoted.double.yaml' },
    { begin: "'", end: "'", name: 'string.quoted.single.yaml' },
    { begin: '(?=[^\\s#])', end: '(?=\\s+#)|$', name: 'string.unquoted.plain.out.yaml' },
  ],
};

/** A small stand-in for VS Code's JSON grammar: keys and string values. */
const JSON_HOST = {
  scopeName: 'source.json',
  patterns: [
    { begin: '"(?=[^"]*"\\s*:)', end: '"', name: 'string.json support.type.property-name.json' },
    { match: '[{}\\[\\],:]', name: 'punctuation.json' },
    { begin: '"', end: '"', name: 'string.quoted.double.json', patterns: [{ match: '\\\\.', name: 'constant.character.escape.json' }] },
  ],
};

let yamlGrammar: IGrammar;
let jsonGrammar: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new OnigScanner(sources),
      createOnigString: (text: string) => new OnigString(text),
    }),
    loadGrammar: async (scopeName: string): Promise<IRawGrammar | null> => {
      if (scopeName === 'workflows.injection') return parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
      if (scopeName === 'source.yaml') return parseRawGrammar(JSON.stringify(YAML_HOST), 'yaml.json');
      if (scopeName === 'source.json') return parseRawGrammar(JSON.stringify(JSON_HOST), 'json.json');
      return null;
    },
    // As package.json's `injectTo` does in VS Code.
    getInjections: (scopeName: string) =>
      scopeName === 'source.yaml' || scopeName === 'source.json' ? ['workflows.injection'] : undefined,
  });
  const yaml = await registry.loadGrammar('source.yaml');
  const json = await registry.loadGrammar('source.json');
  assert.ok(yaml && json);
  yamlGrammar = yaml;
  jsonGrammar = json;
});

/**
 * Each non-blank token of each line as `[text, innermost scope]`. Neighbouring tokens with the same
 * scopes are joined, so a string reads as one token rather than quote, content, quote.
 */
function tokens(grammar: IGrammar, text: string): [string, string][] {
  const result: [string, string][] = [];
  let state: StateStack = INITIAL;
  for (const line of text.split('\n')) {
    const tokenized = grammar.tokenizeLine(line, state);
    let previousScopes = '';
    for (const token of tokenized.tokens) {
      const part = line.slice(token.startIndex, token.endIndex);
      const scopes = token.scopes.join(' ');
      if (part.trim() === '') {
        previousScopes = '';
      } else if (scopes === previousScopes) {
        result[result.length - 1][0] += part;
      } else {
        result.push([part, token.scopes[token.scopes.length - 1]]);
        previousScopes = scopes;
      }
    }
    state = tokenized.ruleStack;
  }
  return result;
}

/** The full scope stack of the first token whose text is `part`. */
function scopesOf(grammar: IGrammar, line: string, part: string): string[] {
  const token = grammar.tokenizeLine(line, INITIAL).tokens.find((t) => line.slice(t.startIndex, t.endIndex) === part);
  assert.ok(token, `no token ${JSON.stringify(part)} in ${JSON.stringify(line)}`);
  return token.scopes;
}

describe('workflows.injection grammar', () => {
  it('colours an arithmetic expression with a helper call in a YAML plain scalar', () => {
    assert.deepStrictEqual(tokens(yamlGrammar, 'x: ${a + len(b) * 2}'), [
      ['x', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['${', 'punctuation.section.embedded.begin.workflows'],
      ['a', 'variable.other.workflows'],
      ['+', 'keyword.operator.arithmetic.workflows'],
      ['len', 'support.function.builtin.workflows'],
      ['(', 'punctuation.section.parens.begin.workflows'],
      ['b', 'variable.other.workflows'],
      [')', 'punctuation.section.parens.end.workflows'],
      ['*', 'keyword.operator.arithmetic.workflows'],
      ['2', 'constant.numeric.integer.workflows'],
      ['}', 'punctuation.section.embedded.end.workflows'],
    ]);
  });

  it('nests the expression inside the host scalar', () => {
    assert.deepStrictEqual(scopesOf(yamlGrammar, 'x: ${a + len(b) * 2}', 'len'), [
      'source.yaml',
      'string.unquoted.plain.out.yaml',
      'meta.embedded.expression.workflows',
      'support.function.builtin.workflows',
    ]);
  });

  it('colours a membership condition and the step keyword of a switch case', () => {
    assert.deepStrictEqual(tokens(yamlGrammar, '- condition: ${"ok" in e.tags}'), [
      ['-', 'punctuation.definition.block.sequence.item.yaml'],
      ['condition', 'keyword.control.workflows'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['${', 'punctuation.section.embedded.begin.workflows'],
      ['"ok"', 'string.quoted.double.workflows'],
      ['in', 'keyword.operator.membership.workflows'],
      ['e', 'variable.other.workflows'],
      ['.', 'punctuation.accessor.workflows'],
      ['tags', 'variable.other.property.workflows'],
      ['}', 'punctuation.section.embedded.end.workflows'],
    ]);
  });

  it('colours step keywords used as keys but not other keys or values', () => {
    assert.deepStrictEqual(tokens(yamlGrammar, [
      'main:',
      '  params: [input]',
      '  steps:',
      '    - init:',
      '        assign:',
      '          - next_page: call',
      '    - done:',
      '        return: ${result}',
    ].join('\n')), [
      ['main', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['params', 'keyword.control.workflows'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['[input]', 'string.unquoted.plain.out.yaml'],
      ['steps', 'keyword.control.workflows'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['-', 'punctuation.definition.block.sequence.item.yaml'],
      ['init', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['assign', 'keyword.control.workflows'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['-', 'punctuation.definition.block.sequence.item.yaml'],
      ['next_page', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['call', 'string.unquoted.plain.out.yaml'],
      ['-', 'punctuation.definition.block.sequence.item.yaml'],
      ['done', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['return', 'keyword.control.workflows'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['${', 'punctuation.section.embedded.begin.workflows'],
      ['result', 'variable.other.workflows'],
      ['}', 'punctuation.section.embedded.end.workflows'],
    ]);
  });

  it('colours a step keyword inside the host key scope, so themes without the keyword scope still show a key', () => {
    assert.deepStrictEqual(scopesOf(yamlGrammar, '    steps:', 'steps'), ['source.yaml', 'entity.name.tag.yaml', 'keyword.control.workflows']);
  });

  it('colours stdlib module calls, subworkflow calls, constants, keywords in upper case and strings with escapes', () => {
    assert.deepStrictEqual(tokens(yamlGrammar, "y: '${text.split(s, \"\\n\") AND NOT my_sub(1.5, True, null)}'"), [
      ['y', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ["'", 'string.quoted.single.yaml'],
      ['${', 'punctuation.section.embedded.begin.workflows'],
      ['text.split', 'support.function.workflows'],
      ['(', 'punctuation.section.parens.begin.workflows'],
      ['s', 'variable.other.workflows'],
      [',', 'punctuation.separator.comma.workflows'],
      ['"', 'string.quoted.double.workflows'],
      ['\\n', 'constant.character.escape.workflows'],
      ['"', 'string.quoted.double.workflows'],
      [')', 'punctuation.section.parens.end.workflows'],
      ['AND', 'keyword.operator.logical.workflows'],
      ['NOT', 'keyword.operator.logical.workflows'],
      ['my_sub', 'entity.name.function.workflows'],
      ['(', 'punctuation.section.parens.begin.workflows'],
      ['1.5', 'constant.numeric.float.workflows'],
      [',', 'punctuation.separator.comma.workflows'],
      ['True', 'constant.language.boolean.workflows'],
      [',', 'punctuation.separator.comma.workflows'],
      ['null', 'constant.language.null.workflows'],
      [')', 'punctuation.section.parens.end.workflows'],
      ['}', 'punctuation.section.embedded.end.workflows'],
      ["'", 'string.quoted.single.yaml'],
    ]);
  });

  it('keeps a map literal and a string containing } inside the expression', () => {
    assert.deepStrictEqual(tokens(yamlGrammar, 'z: ${{"k}": [1, x]}}'), [
      ['z', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['${', 'punctuation.section.embedded.begin.workflows'],
      ['{', 'punctuation.section.braces.begin.workflows'],
      ['"k}"', 'string.quoted.double.workflows'],
      [':', 'punctuation.separator.key-value.workflows'],
      ['[', 'punctuation.section.brackets.begin.workflows'],
      ['1', 'constant.numeric.integer.workflows'],
      [',', 'punctuation.separator.comma.workflows'],
      ['x', 'variable.other.workflows'],
      [']', 'punctuation.section.brackets.end.workflows'],
      ['}', 'punctuation.section.braces.end.workflows'],
      ['}', 'punctuation.section.embedded.end.workflows'],
    ]);
  });

  it('colours an expression that spans lines', () => {
    assert.deepStrictEqual(tokens(yamlGrammar, 'q: ${a ==\n  b}'), [
      ['q', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['${', 'punctuation.section.embedded.begin.workflows'],
      ['a', 'variable.other.workflows'],
      ['==', 'keyword.operator.comparison.workflows'],
      ['b', 'variable.other.workflows'],
      ['}', 'punctuation.section.embedded.end.workflows'],
    ]);
  });

  it('leaves comments alone', () => {
    assert.deepStrictEqual(tokens(yamlGrammar, 'x: 1 # ${not} an expression'), [
      ['x', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['1', 'string.unquoted.plain.out.yaml'],
      ['# ${not} an expression', 'comment.line.number-sign.yaml'],
    ]);
  });

  it('colours an expression inside a JSON string, including its escaped quotes', () => {
    assert.deepStrictEqual(tokens(jsonGrammar, '{"return": "${\\"a\\" + sys.get_env(\\"X\\")}"}'), [
      ['{', 'punctuation.json'],
      ['"return"', 'support.type.property-name.json'],
      [':', 'punctuation.json'],
      ['"', 'string.quoted.double.json'],
      ['${', 'punctuation.section.embedded.begin.workflows'],
      ['\\"a\\"', 'string.quoted.double.workflows'],
      ['+', 'keyword.operator.arithmetic.workflows'],
      ['sys.get_env', 'support.function.workflows'],
      ['(', 'punctuation.section.parens.begin.workflows'],
      ['\\"X\\"', 'string.quoted.double.workflows'],
      [')', 'punctuation.section.parens.end.workflows'],
      ['}', 'punctuation.section.embedded.end.workflows'],
      ['"', 'string.quoted.double.json'],
      ['}', 'punctuation.json'],
    ]);
  });
});
