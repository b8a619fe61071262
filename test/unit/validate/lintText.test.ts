import { deepStrictEqual, ok } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { MODEL_MESSAGES } from '../../../src/core/model/problems';
import { parseWorkflow } from '../../../src/core/model/parse';
import { lintText, RULES, validateWorkflow } from '../../../src/core/validate';
import { MESSAGES } from '../../../src/core/validate/messages';
import { doc, expected, lint } from './helpers';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'valid');

describe('lintText', () => {
  it('reports nothing for a small valid workflow and returns its model', () => {
    const text = doc('- hello:', '    return: ${"Hello " + sys.get_env("GOOGLE_CLOUD_PROJECT_ID")}');
    const result = lintText(text);
    deepStrictEqual(result.diagnostics, []);
    deepStrictEqual(result.workflow.routines.map((r) => r.name.value), ['main']);
  });

  it('points an expression syntax error at the exact sub-span', () => {
    const text = doc('- a:', '    assign:', '      - y: ${1 +* 2}');
    deepStrictEqual(lint(text), [expected('expr-syntax', ["expected an expression, found '*'"], '2:16-2:17', '*')]);
  });

  it('reports an assignment target that cannot be assigned to, and nothing else about it', () => {
    const text = doc('- a:', '    assign:', '      - f(x): 1');
    deepStrictEqual(lint(text), [
      expected(
        'invalid-assignment-target',
        ['only a variable, optionally followed by .key or [index], can be assigned to'],
        '2:8-2:12',
        'f(x)',
      ),
    ]);
  });

  it('turns the YAML 1.2 indentation quirk into a warning', () => {
    const text = doc('- a:', '    return: "hello', '  world"');
    deepStrictEqual(lint(text), [
      { code: 'yaml-indentation-compat', severity: 'warning', message: MODEL_MESSAGES['yaml-indentation-compat'](), range: '1:12-2:8', text: '"hello\n  world"' },
    ]);
  });

  it('turns an unquoted expression in a flow list, as the docs write it, into a warning', () => {
    const text = doc('- a:', '    call: sys.log', '    args: [${x}, "INFO"]', '- x:', '    assign:', '      - x: 1');
    const diagnostics = lintText(text).diagnostics.map((d) => ({ code: d.code, severity: d.severity, text: text.slice(d.span.start, d.span.end) }));
    deepStrictEqual(diagnostics, [{ code: 'yaml-flow-expression-compat', severity: 'warning', text: '${x}' }]);
  });

  it('lints JSON with spans into the JSON text', () => {
    const text = '[{"a": {"return": "${nope}"}}]';
    deepStrictEqual(lint(text, 'json'), [expected('undefined-variable', ['nope'], '0:21-0:25', 'nope')]);
  });

  it('sorts by offset and drops duplicates', () => {
    const text = doc('- b:', '    return: ${zz + zz}', '- a:', '    next: nowhere');
    deepStrictEqual(lint(text), [
      expected('undefined-variable', ['zz'], '1:14-1:16', 'zz'),
      expected('undefined-variable', ['zz'], '1:19-1:21', 'zz'),
      expected('unreachable-step', ['a'], '2:2-2:3', 'a'),
      expected('unknown-next-target', ['nowhere', 'main'], '3:10-3:17', 'nowhere'),
    ]);
  });

  it('keeps the other findings when a rule crashes, and says which rule failed', () => {
    const workflow = parseWorkflow(doc('- a:', '    return: ${missing}'));
    const broken = { name: 'broken', codes: [], check: () => { throw new Error('boom'); } };
    const undefinedRule = RULES.find((r) => r.name === 'undefined variables');
    ok(undefinedRule);
    deepStrictEqual(
      validateWorkflow(workflow, [broken, undefinedRule]).map((d) => [d.code, d.severity, d.message]),
      [
        ['internal-error', 'warning', MESSAGES['internal-error'].message('broken', 'boom')],
        ['undefined-variable', 'error', MESSAGES['undefined-variable'].message('missing')],
      ],
    );
  });

  it('never throws and keeps every span inside the text, whatever part of a real workflow is typed', () => {
    const files = ['GoogleCloudPlatform__workflows-demos__syntax-cheat-sheet__workflow.yaml', 'GoogleCloudPlatform__workflows-samples__src__parallel_shared_variables.workflows.yaml'];
    const texts = files.map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
    const known = new Set([...Object.keys(MESSAGES), ...Object.keys(MODEL_MESSAGES)]);
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.nat(), fc.nat(40), (which, a, b, cut) => {
        const text = texts[which];
        const start = a % (text.length + 1);
        const end = Math.min(text.length, start + (b % (text.length + 1 - start)));
        // A prefix (typing at the end) with a slice removed (an edit in the middle).
        const mutated = text.slice(0, start) + text.slice(Math.min(end, start + cut), end);
        for (const d of lintText(mutated).diagnostics) {
          ok(known.has(d.code), d.code);
          ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= mutated.length, JSON.stringify(d));
        }
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });
});
