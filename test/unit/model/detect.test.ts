import { deepStrictEqual, strictEqual } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Pair } from 'yaml';
import { DETECT_MAX_SIZE, DETECT_PREFIX, looksLikeWorkflow } from '../../../src/core/model/detect';
import { lines } from './helpers';

describe('model: looksLikeWorkflow', () => {
  it('says yes to a map whose main has steps', () => {
    strictEqual(looksLikeWorkflow(lines('main:', '  params: [a]', '  steps:', '    - x:', '        return: 1')), true);
  });

  it('says yes to a map of routines each with a steps list', () => {
    strictEqual(looksLikeWorkflow(lines('start:', '  steps:', '    - a:', '        call: sub', 'sub:', '  params: [x]', '  steps: []')), true);
  });

  it('says yes to a list of steps with step keywords', () => {
    strictEqual(looksLikeWorkflow(lines('- a:', '    assign:', '      - x: 1', '- b:', '    return: ${x}')), true);
  });

  it('says yes to JSON workflows in both forms', () => {
    strictEqual(looksLikeWorkflow('{"main": {"steps": [{"a": {"return": 1}}]}}'), true);
    strictEqual(looksLikeWorkflow('[{"a": {"call": "sys.log", "args": {"text": "hi"}}}]'), true);
  });

  it('says no to a Kubernetes manifest', () => {
    strictEqual(looksLikeWorkflow(lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: x', 'spec:', '  containers: []')), false);
  });

  it('says no to a multi-document Kubernetes file', () => {
    strictEqual(looksLikeWorkflow(lines('apiVersion: v1', 'kind: Service', '---', 'apiVersion: apps/v1', 'kind: Deployment')), false);
  });

  it('says no to a GitHub Actions workflow', () => {
    const text = lines('name: CI', 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - run: npm test');
    strictEqual(looksLikeWorkflow(text), false);
  });

  it('says no to a Cloud Build config', () => {
    const text = lines('steps:', '  - name: gcr.io/cloud-builders/docker', '    args: [build, -t, img, .]', 'images: [img]');
    strictEqual(looksLikeWorkflow(text), false);
  });

  it('says no to a Cloud Build config that only has steps', () => {
    strictEqual(looksLikeWorkflow(lines('steps:', '  - name: gcr.io/cloud-builders/gcloud', '    args: [version]')), false);
  });

  it('says no to docker-compose', () => {
    strictEqual(looksLikeWorkflow(lines('version: "3"', 'services:', '  web:', '    image: nginx', '    ports: ["80:80"]')), false);
  });

  it('says no to an OpenAPI document', () => {
    strictEqual(looksLikeWorkflow(lines('openapi: 3.0.0', 'info:', '  title: API', '  version: "1"', 'paths: {}')), false);
  });

  it('says no to package.json', () => {
    strictEqual(looksLikeWorkflow('{"name": "x", "version": "1.0.0", "scripts": {"test": "mocha"}}'), false);
  });

  it('says no to an Ansible task list and to plain lists', () => {
    strictEqual(looksLikeWorkflow(lines('- name: install', '  apt: {name: git}')), false);
    strictEqual(looksLikeWorkflow(lines('- a', '- b')), false);
  });

  it('says no to empty, scalar and broken input', () => {
    strictEqual(looksLikeWorkflow(''), false);
    strictEqual(looksLikeWorkflow('# only a comment\n'), false);
    strictEqual(looksLikeWorkflow('hello'), false);
    strictEqual(looksLikeWorkflow('{"main": '), false);
  });
});

describe('model: looksLikeWorkflow reads a bounded prefix', () => {
  const step = (i: number): string => `    - s${i}:\n        assign:\n          - x${i}: ${i}\n`;

  it('says yes to a workflow far larger than the prefix, from its first lines', () => {
    const text = `main:\n  steps:\n${Array.from({ length: 3000 }, (_, i) => step(i)).join('')}`;
    strictEqual(text.length > DETECT_PREFIX, true);
    strictEqual(looksLikeWorkflow(text), true);
  });

  it('judges a routine cut off by the prefix by what it shows', () => {
    const text = `helper:\n  params: [a]\n  steps:\n${Array.from({ length: 3000 }, (_, i) => step(i)).join('')}`;
    strictEqual(looksLikeWorkflow(text), true);
    strictEqual(looksLikeWorkflow(`helper:\n  params: [${'a, '.repeat(20000)}b]\n`), false);
  });

  it('says no to any document over the size cap, and takes the size of a prefix from the caller', () => {
    const text = 'main:\n  steps:\n    - a:\n        return: 1\n';
    strictEqual(looksLikeWorkflow(text, 'yaml', DETECT_MAX_SIZE + 1), false);
    strictEqual(looksLikeWorkflow(text, 'yaml', DETECT_MAX_SIZE), true);
  });

  it('reads quoted keys, comments, document markers, flow values and lists at the key column', () => {
    strictEqual(looksLikeWorkflow(lines('%YAML 1.2', '---', '# a workflow', '"main":  # the entry', '  "steps":', '  - a:', '      return: 1')), true);
    strictEqual(looksLikeWorkflow(lines('main: {params: [x], steps: [{a: {return: "${x}"}}]}')), true);
    strictEqual(looksLikeWorkflow(lines('- a: {call: sys.log, args: {text: "${1}"}}')), true);
    strictEqual(looksLikeWorkflow(lines('sub:', '  steps: |', '    - a:', '        return: 1')), false);
  });

  it('says no to this repository\'s package-lock.json and yes to the example workflows', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    strictEqual(looksLikeWorkflow(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'), 'json'), false);
    strictEqual(looksLikeWorkflow(fs.readFileSync(path.join(root, 'examples', 'parent-child', 'workflow-parent.yaml'), 'utf8')), true);
  });

  it('gives the same verdict as a full YAML parse on every corpus file and every YAML/JSON file of the repository', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const corpus = path.resolve(root, '..', 'shared', 'corpus');
    const files = [
      ...['valid', 'invalid'].flatMap((dir) => fs.readdirSync(path.join(corpus, dir)).map((f) => path.join(corpus, dir, f))),
      ...filesUnder(root, ['node_modules', '.git', 'out', 'dist', '.cache', '.vscode-test']),
      ...filesUnder(path.join(root, 'node_modules', 'yaml-language-server'), []),
    ].filter((f) => /\.(ya?ml|json)$/i.test(f));
    strictEqual(files.length > 400, true, `only ${files.length} files`);
    const disagreements = files.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const expected = fullParseVerdict(text);
      return looksLikeWorkflow(text, file.endsWith('.json') ? 'json' : 'yaml') === expected ? [] : [`${path.relative(root, file)}: expected ${expected}`];
    });
    deepStrictEqual(disagreements, []);
  });
});

function filesUnder(dir: string, skip: string[]): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skip.includes(entry.name) || entry.name.startsWith('.') ? [] : filesUnder(full, skip);
    return [full];
  });
}

/** The verdict of the former detector, which parsed the whole text with `yaml`: the reference the prefix scan must agree with. */
function fullParseVerdict(text: string): boolean {
  const keyOf = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : '');
  const entry = (pairs: Pair[], key: string): unknown => pairs.find((p) => keyOf(p) === key)?.value ?? (pairs.some((p) => keyOf(p) === key) ? null : undefined);
  const top = parseDocument(text, { uniqueKeys: false }).contents;
  if (isMap(top)) {
    if (top.items.length === 0) return false;
    const main = entry(top.items as Pair[], 'main');
    if (isMap(main) && entry(main.items as Pair[], 'steps') !== undefined) return true;
    return (top.items as Pair[]).every((pair) => isMap(pair.value) && (pair.value.items as Pair[]).every((p) => ['params', 'steps'].includes(keyOf(p))) && isSeq(entry(pair.value.items as Pair[], 'steps')));
  }
  if (isSeq(top)) {
    if (top.items.length === 0) return false;
    let bodies = 0;
    for (const item of top.items) {
      if (!isMap(item) || item.items.length !== 1) return false;
      const body = (item.items[0] as Pair).value;
      if (isMap(body) && (body.items as Pair[]).some((p) => ['assign', 'call', 'switch', 'for', 'parallel', 'try', 'raise', 'return', 'steps', 'next'].includes(keyOf(p)))) bodies++;
    }
    return bodies > 0;
  }
  return false;
}

describe('model: looksLikeWorkflow on malformed input', () => {
  it('answers a boolean for any text, fragments of workflows and JSON included', () => {
    const pieces = fc.constantFrom('main:', '\n', '  ', '- ', 'steps:', '{', '}', '[', ']', '"', "'", ':', ',', '#', '${', 'call: x', '|', '---', '\t', '\\');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 60 }).map((p) => p.join(''))), fc.constantFrom<'yaml' | 'json' | undefined>('yaml', 'json', undefined), (text, format) => {
        strictEqual(typeof looksLikeWorkflow(text, format), 'boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
