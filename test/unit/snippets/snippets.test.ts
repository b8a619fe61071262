import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { deepStrictEqual } from 'node:assert';
import { parseWorkflow } from '../../../src/core/model/parse';
import { lintText } from '../../../src/core/validate';
import { crossWorkflowDiagnostics, parameterReads } from '../../../src/core/validate/childWorkflows';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const SNIPPETS_DIR = path.resolve(__dirname, '..', '..', '..', 'snippets');

/**
 * Expands a TextMate snippet the way VS Code does when the user accepts every default:
 * `${1:x}` → `x` (recursively), `${1|a,b|}` → `a`, `$1`/`${1}` → the default given elsewhere for 1,
 * `$0` → nothing, and `\$`, `\}`, `\\` → the escaped character.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  // Reads to the end of the text or, inside a placeholder, to the `}` that closes it.
  const read = (text: string, from: number, collect: boolean, nested: boolean): { out: string; end: number } => {
    let out = '';
    let i = from;
    while (i < text.length && !(nested && text[i] === '}')) {
      const placeholder = /^\$(?:(\d+)|\{(\d+)(?:(:)|\|([^|]*)\|)?)/.exec(text.slice(i));
      if (text[i] === '\\' && '$}\\'.includes(text[i + 1] ?? '')) {
        out += text[i + 1];
        i += 2;
      } else if (placeholder?.[1] !== undefined) {
        out += defaults.get(placeholder[1]) ?? '';
        i += placeholder[0].length;
      } else if (placeholder) {
        const n = placeholder[2];
        i += placeholder[0].length;
        let value = defaults.get(n) ?? '';
        if (placeholder[3]) {
          const inner = read(text, i, collect, true);
          value = inner.out;
          i = inner.end;
        } else if (placeholder[4] !== undefined) {
          value = placeholder[4].split(',')[0];
        }
        assert.equal(text[i], '}', `unclosed placeholder \${${n} in ${text}`);
        i++;
        if (collect && !defaults.has(n) && (placeholder[3] || placeholder[4] !== undefined)) defaults.set(n, value);
        out += value;
      } else {
        out += text[i++];
      }
    }
    return { out, end: i };
  };
  read(body, 0, true, false);
  return read(body, 0, false, false).out;
}

/** Puts a snippet where it belongs: a whole workflow as is, steps under `main`, a subworkflow beside a `main`. */
function asWorkflow(expanded: string, format: 'yaml' | 'json'): string {
  if (format === 'json') return expanded.startsWith('{\n  "main"') ? expanded : `{"main": {"steps": [\n${expanded}\n]}}\n`;
  if (expanded.startsWith('main:')) return expanded;
  if (expanded.startsWith('- ')) {
    return 'main:\n  steps:\n' + expanded.split('\n').map((line) => (line ? `    ${line}` : line)).join('\n') + '\n';
  }
  return 'main:\n  steps:\n    - done:\n        return: 1\n' + expanded + '\n';
}

function readSnippets(file: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(path.join(SNIPPETS_DIR, file), 'utf8')) as Record<string, Snippet>;
}

const FILES = [
  { file: 'workflows-yaml.code-snippets', format: 'yaml' },
  { file: 'workflows-json.code-snippets', format: 'json' },
] as const;

describe('Snippets', () => {
  it('expand nested placeholders, choices, mirrors and escapes', () => {
    assert.equal(expandSnippet('- ${1:a}: ${2:\\${${1:a}\\}} $1 ${3|x,y|} \\$ $0'), '- a: ${a} a x $ ');
  });

  for (const { file, format } of FILES) {
    describe(file, () => {
      const snippets = readSnippets(file);

      it('each have a prefix starting with wf- and a description', () => {
        for (const [name, snippet] of Object.entries(snippets)) {
          assert.match(snippet.prefix, /^wf-[a-z-]+$/, name);
          assert.ok(snippet.description.length > 0, name);
        }
      });

      for (const [name, snippet] of Object.entries(snippets)) {
        it(`"${name}" expands to a workflow without diagnostics`, () => {
          const source = asWorkflow(expandSnippet(snippet.body.join('\n')), format);
          const { diagnostics } = lintText(source, { format });
          assert.deepEqual(diagnostics.map((d) => `${d.code}: ${d.message}`), [], source);
        });
      }
    });
  }
});

describe('Snippets and the parent/child example agree on the child argument', () => {
  const yaml = readSnippets('workflows-yaml.code-snippets');
  const json = readSnippets('workflows-json.code-snippets');
  const example = path.resolve(SNIPPETS_DIR, '..', 'examples', 'parent-child');
  const exampleChild = parseWorkflow(readFileSync(path.join(example, 'workflow-child.yaml'), 'utf8'));
  const snippetChild = parseWorkflow(expandSnippet(yaml['Child workflow'].body.join('\n')));
  /** The workspace of the example: `workflow-child` is the example's child, or the wf-child snippet. */
  const lookupWith = (child: ReturnType<typeof parseWorkflow>) => (id: string) => (id === 'workflow-child' ? { reads: parameterReads(child) } : undefined);

  it('the example child reads iteration, as the example parent passes it', () => {
    deepStrictEqual(parameterReads(exampleChild), { param: 'args', required: ['iteration'], optional: [], open: false });
    const parent = parseWorkflow(readFileSync(path.join(example, 'workflow-parent.yaml'), 'utf8'));
    deepStrictEqual(crossWorkflowDiagnostics(parent, lookupWith(exampleChild)), []);
  });

  for (const [file, snippets, format] of [['yaml', yaml, 'yaml'], ['json', json, 'json']] as const) {
    for (const [name, snippet] of Object.entries(snippets)) {
      it(`${file} "${name}" passes what the example child and the wf-child snippet read`, () => {
        const parent = parseWorkflow(asWorkflow(expandSnippet(snippet.body.join('\n')), format), { format });
        deepStrictEqual(crossWorkflowDiagnostics(parent, lookupWith(exampleChild)), []);
        deepStrictEqual(crossWorkflowDiagnostics(parent, lookupWith(snippetChild)), []);
      });
    }
  }
});
