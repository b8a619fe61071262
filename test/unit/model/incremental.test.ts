import { deepStrictEqual, strictEqual } from 'assert';
import { generateWorkflow } from '../../../bench/generateWorkflow';
import { parseExpression } from '../../../src/core/expr/parser';
import { changedRegion, editedStep, reparseIncrementally } from '../../../src/core/model/incremental';
import { readFastYaml } from '../../../src/core/model/fastYaml';
import { parseWorkflow, updateWorkflow } from '../../../src/core/model/parse';
import { corpusWorkflows } from '../../fuzz/corpus';
import { applyEdit, incrementalAgrees, randomEdit } from '../../fuzz/incrementalDifferential';
import { sampled } from '../../fuzz/yamlDifferential';

const SOURCE = [
  'main:',
  '  params: [args]',
  '  steps:',
  '    - init:',
  '        assign:',
  '          - url: "https://example.com/a"',
  '    - check:',
  '        switch:',
  '          - condition: ${args.n > 1}',
  '            steps:',
  '              - fetch:',
  '                  call: http.get',
  '                  args:',
  '                    url: ${url}',
  '                  result: r',
  '    - done:',
  '        return: ${r.body}',
  'sub:',
  '  steps:',
  '    - only:',
  '        return: 1',
  '',
].join('\n');

/** `SOURCE` with the `occurrence`-th `needle` replaced by `by`. */
function edited(needle: string, by: string, text = SOURCE): string {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' not in the text`);
  return text.slice(0, at) + by + text.slice(at + needle.length);
}

function incremental(before: string, after: string, format: 'yaml' | 'json' = 'yaml') {
  return reparseIncrementally(parseWorkflow(before, { format }), after, parseExpression);
}

/** Deterministic numbers in [0, 1) (mulberry32), so every run makes the same edits. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tally {
  edits: number;
  /** Edits inside one step (see `editedStep`) whose result the fast reader accepts: the ones that can be taken. */
  inStep: number;
  taken: number;
}

/**
 * `count` random edits of `text`; every one the incremental path takes must equal a full parse.
 * Half of the taken edits are kept, so later edits start from an incrementally built model.
 */
function fuzzEdits(text: string, count: number, random: () => number, tally: Tally): void {
  let previous = parseWorkflow(text, { format: 'yaml' });
  for (let i = 0; i < count; i++) {
    const after = applyEdit(text, randomEdit(text, Math.floor(random() * (text.length + 1)), random));
    const model = incrementalAgrees(previous, after);
    tally.edits++;
    if (editedStep(previous, changedRegion(previous.text, after)) && readFastYaml(after)) tally.inStep++;
    if (!model) continue;
    tally.taken++;
    if (random() < 0.5) {
      text = after;
      previous = model;
    }
  }
}

describe('model: incremental re-parse', () => {
  describe('changedRegion', () => {
    it('finds the one differing region of two texts', () => {
      deepStrictEqual(changedRegion('abcdef', 'abXYef'), { start: 2, end: 4, newEnd: 4 });
      deepStrictEqual(changedRegion('abc', 'abxc'), { start: 2, end: 2, newEnd: 3 });
      deepStrictEqual(changedRegion('abxc', 'abc'), { start: 2, end: 3, newEnd: 2 });
      deepStrictEqual(changedRegion('same', 'same'), { start: 4, end: 4, newEnd: 4 });
    });

    it('finds it past whole blocks of equal text', () => {
      const long = 'x'.repeat(1000) + 'a' + 'y'.repeat(1000);
      deepStrictEqual(changedRegion(long, long.replace('a', 'bc')), { start: 1000, end: 1001, newEnd: 1002 });
    });
  });

  describe('takes edits inside one step', () => {
    for (const [what, needle, by] of [
      ['a character typed in a nested step', 'result: r', 'result: rr'],
      ['a character deleted in a top-level step', 'example.com/a', 'example.com/'],
      ['a new key line in a step', '        return: ${r.body}', '        next: end\n        return: ${r.body}'],
      ['an edit in the last step of the last routine', 'return: 1', 'return: 12'],
      ['the kind of a step changed', '        return: 1', '        raise: 1'],
      ['an edit in an expression', '${args.n > 1}', '${args.n >= 1}'],
    ] as const) {
      it(`${what}: the model equals a full parse`, () => {
        const after = edited(needle, by);
        const model = incremental(SOURCE, after);
        strictEqual(model !== undefined, true);
        deepStrictEqual(sampled(model), sampled(parseWorkflow(after, { format: 'yaml' })));
      });
    }

    it('an edit in a file with CRLF line breaks: the model equals a full parse', () => {
      const crlf = SOURCE.replace(/\n/g, '\r\n');
      const after = edited('result: r', 'result: rr', crlf);
      const model = incremental(crlf, after);
      strictEqual(model !== undefined, true);
      deepStrictEqual(sampled(model), sampled(parseWorkflow(after, { format: 'yaml' })));
    });

    it('shares the routines before the edit and keeps the text of the new version', () => {
      const after = edited('return: 1', 'return: 12');
      const previous = parseWorkflow(SOURCE, { format: 'yaml' });
      const model = reparseIncrementally(previous, after, parseExpression);
      strictEqual(model?.routines[0], previous.routines[0]);
      strictEqual(model?.text, after);
    });
  });

  describe('parses everything again otherwise', () => {
    for (const [what, needle, by] of [
      ["an edit on a top-level step's name line", '- init:', '- init2:'],
      ['an edit in params', 'params: [args]', 'params: [args, b]'],
      ['an edit in a routine header', 'sub:', 'subb:'],
      ['an edit across two steps', '"https://example.com/a"\n    - check:', '"x"\n    - chk:'],
      ['an edit that ends the step early', '        return: ${r.body}', '    - end:\n        return: ${r.body}'],
      ['an edit that makes a YAML error', 'url: "https://example.com/a"', 'url: "https://example.com/a'],
      ['an edit adding an anchor', 'url: "https://example.com/a"', 'url: &u "https://example.com/a"'],
      ['an edit that adds a duplicate key', '        return: ${r.body}', '        return: 1\n        return: ${r.body}'],
      ['an edit that leaves a model problem in the step', '        return: 1', '        1'],
      ['an edit outside every step', 'main:', 'main: \n'],
    ] as const) {
      it(what, () => {
        strictEqual(incremental(SOURCE, edited(needle, by)), undefined);
      });
    }

    it('a previous model with problems', () => {
      const broken = edited('  steps:\n    - only:', '  steps:\n    - 1\n    - only:');
      strictEqual(incremental(broken, edited('return: 1', 'return: 2', broken)), undefined);
    });

    it('a previous model the fast reader did not read (aliases)', () => {
      const aliased = SOURCE + 'other: &o\n  steps:\n    - a:\n        return: 1\n';
      strictEqual(incremental(aliased, edited('return: ${r.body}', 'return: ${r.bod}', aliased)), undefined);
    });

    it('JSON documents', () => {
      const json = '{"main": {"steps": [{"a": {\n  "return": 1\n}}]}}';
      strictEqual(incremental(json, json.replace('1', '2'), 'json'), undefined);
    });
  });

  describe('updateWorkflow', () => {
    it('gives the previous model back for the same text', () => {
      const previous = parseWorkflow(SOURCE, { format: 'yaml' });
      strictEqual(updateWorkflow(previous, SOURCE, { format: 'yaml' }), previous);
    });

    it('re-reads one step for an edit inside it, and parses everything otherwise', () => {
      const previous = parseWorkflow(SOURCE, { format: 'yaml' });
      const inStep = edited('return: 1', 'return: 2');
      const model = updateWorkflow(previous, inStep, { format: 'yaml' });
      strictEqual(model.routines[0], previous.routines[0]);
      deepStrictEqual(sampled(model), sampled(parseWorkflow(inStep, { format: 'yaml' })));
      const header = edited('sub:', 'subb:');
      const full = updateWorkflow(previous, header, { format: 'yaml' });
      strictEqual(full.routines[0] === previous.routines[0], false);
      deepStrictEqual(sampled(full), sampled(parseWorkflow(header, { format: 'yaml' })));
    });

    it('parses everything when the format differs', () => {
      const previous = parseWorkflow(SOURCE, { format: 'yaml' });
      const json = '{"main": {"steps": []}}';
      deepStrictEqual(sampled(updateWorkflow(previous, json)), sampled(parseWorkflow(json)));
    });
  });

  describe('differential: random small edits', function () {
    this.timeout(60_000);

    it('equal a full parse whenever taken, on the generated 1,000-step workflow', () => {
      const tally: Tally = { edits: 0, inStep: 0, taken: 0 };
      fuzzEdits(generateWorkflow(1000), 30, seeded(13), tally);
      deepStrictEqual(tally, { edits: 30, inStep: 12, taken: 9 });
    });

    it('equal a full parse whenever taken, on 150 corpus workflows', () => {
      const files = corpusWorkflows().filter((f) => !f.file.endsWith('.json')).slice(0, 150);
      const random = seeded(1313);
      const tally: Tally = { edits: 0, inStep: 0, taken: 0 };
      for (const file of files) fuzzEdits(file.text, 12, random, tally);
      deepStrictEqual(tally, { edits: 1800, inStep: 534, taken: 513 });
    });

    it('equal a full parse whenever taken, on 40 corpus workflows with CRLF line breaks', () => {
      const files = corpusWorkflows().filter((f) => !f.file.endsWith('.json')).slice(0, 40);
      const random = seeded(1314);
      const tally: Tally = { edits: 0, inStep: 0, taken: 0 };
      for (const file of files) fuzzEdits(file.text.replace(/\r?\n/g, '\r\n'), 10, random, tally);
      deepStrictEqual(tally, { edits: 400, inStep: 137, taken: 132 });
    });
  });
});
