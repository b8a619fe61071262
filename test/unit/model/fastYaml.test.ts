import { deepStrictEqual, strictEqual } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { Pair, Scalar, YAMLMap, YAMLSeq, isMap, isPair, isScalar, isSeq, parse } from 'yaml';
import { parseExpression } from '../../../src/core/expr/parser';
import { buildWorkflow } from '../../../src/core/model/buildWorkflow';
import { readFastYaml } from '../../../src/core/model/fastYaml';
import { fastReaderAgrees, sampled, viaYaml } from '../../fuzz/yamlDifferential';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

const agrees = fastReaderAgrees;

function corpusFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(CORPUS, folder))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => path.join(CORPUS, folder, f));
}

/** The 5,000-step benchmark workflow, shortened to `steps` steps. */
function generated(steps: number, eol = '\n'): string {
  let s = 'main:\n  params: [args]\n  steps:\n';
  for (let i = 0; i < steps; i++) {
    if (i % 3 === 0) s += `    - s${i}:\n        assign:\n          - v${i % 50}: \${args.x + ${i}}\n`;
    else if (i % 3 === 1) s += `    - s${i}:\n        call: http.get\n        args:\n          url: "https://example.com/${i}"\n        result: r${i % 10}\n`;
    else s += `    - s${i}:\n        switch:\n          - condition: \${r${i % 10}.code == 200}\n            next: s${i + 1}\n`;
  }
  return (s + '    - done:\n        return: 1\n').replace(/\n/g, eol);
}

describe('the fast YAML reader', () => {
  it('reads every valid corpus file except the two repaired by the compat rules, with the same model as the yaml package', () => {
    const rejected: string[] = [];
    let accepted = 0;
    for (const file of corpusFiles('valid')) {
      if (agrees(fs.readFileSync(file, 'utf8'))) accepted++;
      else rejected.push(path.basename(file));
    }
    strictEqual(accepted, 324);
    deepStrictEqual(rejected, [
      'GoogleCloudPlatform__workflows-demos__vertexai__parallel-summaries__parallel-summaries-connector.yaml',
      'glaforge__workflows-demos__vertexai__country-histories__text-bison__country-history.yaml',
    ]);
    for (const file of rejected) {
      const codes = viaYaml(fs.readFileSync(path.join(CORPUS, 'valid', file), 'utf8')).problems.map((p) => p.code);
      deepStrictEqual([...new Set(codes)], ['yaml-indentation-compat']);
    }
  });

  it('builds the same model as the yaml package for every invalid corpus file it accepts', () => {
    for (const file of corpusFiles('invalid')) agrees(fs.readFileSync(file, 'utf8'));
  });

  it('reads the generated benchmark workflow with LF and CRLF line breaks like the yaml package', () => {
    strictEqual(agrees(generated(60)), true);
    strictEqual(agrees(generated(60, '\r\n')), true);
  });

  it('types plain scalars by the YAML 1.2 core schema exactly as the yaml package does', () => {
    const sources = [
      'null', 'Null', 'NULL', '~', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no',
      '0', '-0', '+12', '012', '0x1F', '0x', '0o17', '0o8', '1e3', '-1.5E-2', '.5', '1.', '+.inf', '-.Inf', '.INF',
      '.nan', '.NaN', '.NAN', '1_000', '1.2.3', '${x}', 'text with spaces',
    ];
    const text = sources.map((s, i) => `k${i}: ${s}\n`).join('');
    const fast = readFastYaml(text);
    deepStrictEqual(fast?.toJS(), parse(text, { intAsBigInt: true }));
  });

  it('decodes quoted, folded and block scalars like the yaml package', () => {
    const text = [
      'a: "tab\\there \\u00e9 \\x41 \\"q\\" \\\\"',
      "b: 'it''s'",
      'c: "first',
      '   second',
      '',
      '   third"',
      'd: |',
      '  line 1',
      '    more',
      '',
      '  line 3',
      '',
      'e: >-',
      '  folded',
      '  text',
      '',
      '  para',
      'f: |+',
      '  kept',
      '',
      'g: plain',
      '  continued',
      'h: [1, "two", {k: v}, k2: 3]',
      'i: {"json": [true, null]}',
      '',
    ].join('\n');
    deepStrictEqual(readFastYaml(text)?.toJS(), parse(text, { intAsBigInt: true }));
    strictEqual(agrees(text), true);
  });

  it('agrees with the yaml package on a kept block scalar at the end of a text without a final line break', () => {
    for (const text of ['return: |+\n  x\n  ', 'return: |+\n  x', 'return: >+\n  x\n\n   ', 'a:\n  - |+\n    x\n    ']) {
      strictEqual(agrees(text), false, JSON.stringify(text));
      deepStrictEqual(sampled(buildWorkflow(text, undefined, parseExpression)), sampled(viaYaml(text)));
    }
    deepStrictEqual(parse('return: |+\n  x\n  '), { return: 'x\n' });
    strictEqual(agrees('return: |+\n  x\n\n'), true);
  });

  it('agrees with the yaml package on implicit keys in flow sequences around 1,024 characters', () => {
    for (const length of [1000, 1030, 2000]) {
      const text = `- s:\n    return: [${'k'.repeat(length)}: 1]\n`;
      const model = buildWorkflow(text, undefined, parseExpression);
      deepStrictEqual(sampled(model), sampled(viaYaml(text)));
      deepStrictEqual(model.problems.map((p) => p.code), length > 1022 ? ['yaml-syntax'] : []);
    }
  });

  it('gives up on what it leaves to the yaml package', () => {
    const outside = [
      'a:\t1\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', '? a\n: 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n',
      'a: 1\na: 2\n', 'a: 1\n"a": 2\n', '~: 1\n', '', '# only a comment\n', 'a: |2\n  x\n', 'a: [1, 2,]\n', 'a: b: c\n',
      'a:\n  b: 1\n c: 2\n', 'a: "x\nb"\n', 'a: [${x}, 1]\n', 'a: "unterminated\n', '- - a\n', '\uFEFFa: 1\n', 'a: 1\r\n\rb: 2',
    ];
    deepStrictEqual(outside.filter((t) => readFastYaml(t) !== undefined), []);
  });

  it('agrees with the yaml package on corpus workflows with lines deleted, duplicated, re-indented or edited', function () {
    this.timeout(120000);
    const texts = corpusFiles('valid').filter((f) => !f.endsWith('.json')).map((f) => fs.readFileSync(f, 'utf8'));
    const edit = fc.record({
      file: fc.nat(texts.length - 1),
      line: fc.nat(400),
      op: fc.constantFrom('delete', 'duplicate', 'indent', 'outdent', 'insert'),
      insert: fc.array(fc.constantFrom(...' :-#"\'[]{},|>&*!?%\\\nab1$'.split('')), { minLength: 1, maxLength: 4 }),
      column: fc.nat(30),
    });
    let accepted = 0;
    fc.assert(
      fc.property(edit, ({ file, line, op, insert, column }) => {
        const lines = texts[file].split('\n');
        const at = line % lines.length;
        const target = lines[at];
        if (op === 'delete') lines.splice(at, 1);
        else if (op === 'duplicate') lines.splice(at, 0, target);
        else if (op === 'indent') lines[at] = ' ' + target;
        else if (op === 'outdent') lines[at] = target.replace(/^ /, '');
        else lines[at] = target.slice(0, column) + insert.join('') + target.slice(column);
        if (agrees(lines.join('\n'))) accepted++;
      }),
      { numRuns: 400, seed: 1010 },
    );
    strictEqual(accepted > 100, true, `only ${accepted} of 400 accepted`);
  });

  it('agrees with the yaml package on generated documents of the subset', () => {
    const scalar = fc.constantFrom(
      'word', 'two words', '${a + 1}', '${m["k"]}', '1', '-2', '0x1F', '1.5', '.inf', '~', 'null', 'True', "''", '""',
      '"q \\"x\\""', "'it''s'", 'http://x/y#frag', 'a:b', '[1, b]', '{k: v}', '[]', '{}', '[a, k: v]', '${x} # note',
    );
    const key = fc.constantFrom('main', 'steps', 'params', 'assign', 'x', 'y', '"q k"', 'call', 'args', '1', 'true');
    type Tree = { kind: 'scalar'; value: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };
    const tree = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar.map((value): Tree => ({ kind: 'scalar', value })),
        fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }).map((entries): Tree => ({ kind: 'map', entries })),
        fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items): Tree => ({ kind: 'seq', items })),
      ),
    })).node;
    const render = (node: Tree, indent: number, step: number): string => {
      const pad = ' '.repeat(indent);
      if (node.kind === 'scalar') return ' ' + node.value + '\n';
      if (node.kind === 'map') {
        return '\n' + node.entries.map(([k, v]) => `${pad}${k}:${render(v, indent + step, step)}`).join('');
      }
      return '\n' + node.items.map((v) => `${pad}-${render(v, indent + step, step)}`).join('');
    };
    let accepted = 0;
    fc.assert(
      fc.property(tree, fc.constantFrom(1, 2, 4), fc.boolean(), (root, step, crlf) => {
        const text = render(root, 0, step).replace(/^\n/, '');
        if (agrees(crlf ? text.replace(/\n/g, '\r\n') : text)) accepted++;
      }),
      { numRuns: 300, seed: 1011 },
    );
    // Duplicate keys and top-level scalars are rejected by design; most documents must still be read.
    strictEqual(accepted > 150, true, `only ${accepted} of 300 accepted`);
  });

  it('agrees with the yaml package on random documents built from the constructs near its edges (deterministic fuzz)', function () {
    this.timeout(60000);
    // Lines of random indentation, keys, dashes and values: block scalars with every chomping
    // indicator (also as the last line, with or without a final line break), flow collections with
    // long implicit keys, big integers, quotes, comments, trailing spaces and CRLF.
    const value = fc.constantFrom(
      '', 'x', 'two words', '|', '|+', '|-', '>', '>+', '>-', '[a, b]', `[${'k'.repeat(1030)}: 1]`, '[k: v]', '{k: v}',
      '"q"', "'s'", '9007199254740993', '9223372036854775808', '-9223372036854775808', '0x1F', '1.0', '${x + 1}', '# c', 'x # c',
    );
    const line = fc.tuple(fc.constantFrom('', '  ', '    ', '      '), fc.constantFrom('k: ', 'k:', 'j: ', '- ', '- k: ', '', '  '), value);
    const doc = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '', '\n  ', '\n\n'), fc.boolean());
    let accepted = 0;
    fc.assert(
      fc.property(doc, ([lines, ending, crlf]) => {
        const text = lines.map(([indent, head, v]) => indent + head + v).join('\n') + ending;
        if (agrees(crlf ? text.replace(/\n/g, '\r\n') : text)) accepted++;
      }),
      { numRuns: 3000, seed: 1012 },
    );
    strictEqual(accepted > 200, true, `only ${accepted} of 3000 accepted`);
  });

  it("builds nodes the yaml package's own predicates, classes and methods recognise (the internals it relies on)", () => {
    const doc = readFastYaml('a: [1, k: v]\nb: {c: "d"}\n');
    const contents = doc?.contents as YAMLMap;
    strictEqual(isMap(contents) && contents instanceof YAMLMap, true);
    const [a, b] = contents.items;
    strictEqual(isPair(a) && isScalar(a.key) && a.key instanceof Scalar, true);
    strictEqual(isSeq(a.value) && a.value instanceof YAMLSeq && (a.value as YAMLSeq).flow, true);
    strictEqual(isMap(b.value) && (b.value as YAMLMap).flow, true);
    // The node-type symbols are the package's registered ones, set by its own constructors too.
    strictEqual((new Scalar(1) as unknown as Record<symbol, unknown>)[Symbol.for('yaml.node.type')], Symbol.for('yaml.scalar'));
    strictEqual((new YAMLMap() as unknown as Record<symbol, unknown>)[Symbol.for('yaml.node.type')], Symbol.for('yaml.map'));
    strictEqual((new YAMLSeq() as unknown as Record<symbol, unknown>)[Symbol.for('yaml.node.type')], Symbol.for('yaml.seq'));
    strictEqual((new Pair(null) as unknown as Record<symbol, unknown>)[Symbol.for('yaml.node.type')], Symbol.for('yaml.pair'));
    // Methods inherited through the re-pointed prototypes work on the fast nodes.
    deepStrictEqual(doc?.toJS(), { a: [1n, { k: 'v' }], b: { c: 'd' } });
    strictEqual((a.value as YAMLSeq).get(0, true)?.toString(), '1');
    strictEqual(contents.has('b'), true);
  });

  it('is pinned to the exact yaml version whose internals these tests check', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(fs.readFileSync(require.resolve('yaml/package.json'), 'utf8')) as { version: string };
    deepStrictEqual([pkg.dependencies.yaml, installed.version], [installed.version, installed.version]);
  });
});
