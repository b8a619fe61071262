import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildGraph } from '../../../src/core/graph/buildGraph';
import { toDot } from '../../../src/core/graph/dot';
import { mermaidText, toMermaid } from '../../../src/core/graph/mermaid';
import { parseWorkflow } from '../../../src/core/model/parse';
import { layoutGraph } from '../../../src/graph/layout';
import { renderSvg } from '../../../src/graph/svg';
import { generateWorkflow } from '../../../bench/generateWorkflow';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'valid');

/** The example workflows, every conformance workflow and a spread of corpus workflows. */
function sampleFiles(): string[] {
  const examples = ['workflow-parent.yaml', 'workflow-child.yaml'].map((f) => path.join(ROOT, 'examples', 'parent-child', f));
  const conformance = fs.readdirSync(path.join(ROOT, 'test', 'conformance')).map((f) => path.join(ROOT, 'test', 'conformance', f));
  const corpus = fs
    .readdirSync(CORPUS)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .filter((_, i) => i % 8 === 0)
    .map((f) => path.join(CORPUS, f));
  return [...examples, ...conformance, ...corpus];
}

type MermaidApi = { parse(text: string): Promise<unknown>; initialize(config: object): void };

/**
 * The real Mermaid parser. Mermaid sanitises labels with DOMPurify, which needs a DOM: jsdom lends
 * it one while these tests run, and the globals go away after them, so no other test sees a browser.
 */
async function loadMermaid(): Promise<MermaidApi> {
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const g = globalThis as unknown as Record<string, unknown>;
  g.window = dom.window;
  g.document = dom.window.document;
  const loaded = (await import('mermaid')) as unknown as { default: MermaidApi };
  loaded.default.initialize({ startOnLoad: false });
  return loaded.default;
}

function removeDomGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  delete g.window;
  delete g.document;
}

describe('graph outputs', function () {
  this.timeout(120_000);
  const files = sampleFiles();
  let mermaid: MermaidApi;
  before(async () => {
    mermaid = await loadMermaid();
  });
  after(removeDomGlobals);

  it('samples enough workflows to mean something', () => {
    assert.equal(files.length > 100, true, `only ${files.length} files`);
  });

  it('writes Mermaid that the real Mermaid parser accepts, for every sampled workflow', async () => {
    const rejected: string[] = [];
    for (const file of files) {
      const text = toMermaid(buildGraph(parseWorkflow(fs.readFileSync(file, 'utf8'))));
      try {
        await mermaid.parse(text);
      } catch (err) {
        rejected.push(`${path.basename(file)}: ${String(err).split('\n')[0]}`);
      }
    }
    assert.deepEqual(rejected, []);
  });

  it('rejects broken Mermaid, so the check above can fail', async () => {
    await assert.rejects(mermaid.parse('flowchart TD\n  n0["a"] -->| n1\n'));
  });

  it('escapes label text Mermaid would read as syntax', () => {
    assert.equal(mermaidText('a "b" <c> #d'), 'a #quot;b#quot; #lt;c#gt; #35;d');
  });

  it('writes DOT that Graphviz lays out, for every sampled workflow', () => {
    const probe = spawnSync('dot', ['-V'], { encoding: 'utf8' });
    assert.equal(probe.error, undefined, "Graphviz's dot is not installed: scripts/vscode/provision.sh installs it (apt graphviz)");
    const rejected: string[] = [];
    for (const file of files) {
      const dot = toDot(buildGraph(parseWorkflow(fs.readFileSync(file, 'utf8'))));
      const run = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (run.status !== 0 || !run.stdout.includes('<svg')) rejected.push(`${path.basename(file)}: ${run.stderr.trim()}`);
    }
    assert.deepEqual(rejected, []);
  });

  it('lays out every node inside the drawing, and every body inside its routine', () => {
    const graph = buildGraph(parseWorkflow(fs.readFileSync(files[0], 'utf8')));
    const layout = layoutGraph(graph);
    assert.equal(layout.nodes.length, graph.nodes.length);
    for (const n of layout.nodes) {
      assert.equal(n.x - n.width / 2 >= 0 && n.x + n.width / 2 <= layout.width, true, n.node.id);
      assert.equal(n.y - n.height / 2 >= 0 && n.y + n.height / 2 <= layout.height, true, n.node.id);
    }
    assert.deepEqual(layout.clusters.map((c) => c.id).sort(), ['main/execute_child_workflows', 'main/iterate', 'main/iterate#except']);
  });

  it('folds a collapsed container: its body is hidden and edges to it land on the container', () => {
    const graph = buildGraph(parseWorkflow(fs.readFileSync(files[0], 'utf8')));
    const layout = layoutGraph(graph, { collapsed: new Set(['main/execute_child_workflows']) });
    assert.deepEqual(
      layout.nodes.map((n) => `${n.node.id}${n.collapsed ? ` (${n.hidden} hidden)` : ''}`),
      ['main/#start', 'main/init', 'main/execute_child_workflows (5 hidden)', 'main/return_execution_results', 'main/#end'],
    );
    assert.deepEqual(
      layout.edges.map((e) => `${e.edge.from}>${e.edge.to}`),
      ['main/#start>main/init', 'main/init>main/execute_child_workflows', 'main/execute_child_workflows>main/return_execution_results', 'main/return_execution_results>main/#end'],
    );
  });

  it('cuts a long sequence into pieces and lays out again only the piece an edit changed', () => {
    const text = generateWorkflow(170);
    const cache = new Map<string, unknown>();
    const first = layoutGraph(buildGraph(parseWorkflow(text)), { cache });
    assert.deepEqual(first, layoutGraph(buildGraph(parseWorkflow(text))), 'the cache changes nothing');
    const pieces = cache.size;
    assert.equal(pieces > 20, true, `only ${pieces} pieces`);
    const edited = text.replace('- total_5: 0', '- total_5: 1\n          - extra_5: 2');
    const keys = new Set(cache.keys());
    const second = layoutGraph(buildGraph(parseWorkflow(edited)), { cache });
    assert.equal([...cache.keys()].filter((k) => !keys.has(k)).length, 1, 'one piece laid out again');
    assert.equal(cache.size, pieces, 'the replaced piece was dropped');
    assert.deepEqual(second, layoutGraph(buildGraph(parseWorkflow(edited))));
    // Every node lies inside the drawing and no two nodes overlap.
    const boxes = second.nodes.map((n) => [n.x - n.width / 2, n.y - n.height / 2, n.x + n.width / 2, n.y + n.height / 2]);
    for (const [x1, y1, x2, y2] of boxes) assert.equal(x1 >= 0 && y1 >= 0 && x2 <= second.width && y2 <= second.height, true);
    const sorted = [...boxes].sort((a, b) => a[1] - b[1]);
    for (let i = 1; i < sorted.length; i++) {
      for (let j = i - 1; j >= 0 && sorted[j][1] > sorted[i][1] - 200; j--) {
        const [a, b] = [sorted[i], sorted[j]];
        assert.equal(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], false, 'nodes overlap');
      }
    }
  });

  it('draws several routines side by side, each under its name', () => {
    const graph = buildGraph(parseWorkflow('main:\n  steps:\n    - a:\n        call: sub\n        result: r\n    - b:\n        return: ${r}\nsub:\n  steps:\n    - c:\n        return: 1\n'));
    const layout = layoutGraph(graph);
    assert.deepEqual(layout.clusters.map((c) => c.label), ['main', 'sub']);
    const x = (id: string): number => layout.nodes.find((n) => n.node.id === id)?.x ?? NaN;
    assert.equal(x('sub/c') > x('main/a'), true);
    assert.deepEqual(layout.edges.find((e) => e.edge.kind === 'call')?.points.length, 2);
  });

  it('draws well-formed standalone SVG with escaped labels and decorations', async () => {
    const graph = buildGraph(parseWorkflow('main:\n  steps:\n    - "a<b>&c":\n        return: ${"x" + "<y>"}\n'));
    const decorations = new Map([['main/a<b>&c', { state: 'failed' as const, message: 'KeyError <k>', badges: [{ text: 'child 1', state: 'FAILED' }], count: 3 }]]);
    const svg = renderSvg(layoutGraph(graph), { standalone: true, decorations });
    const { JSDOM } = await import('jsdom');
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    assert.equal(doc.querySelector('parsererror'), null);
    const node = doc.querySelector('[data-id="main/a<b>&c"]');
    assert.equal(node?.getAttribute('class'), 'node kind-return state-failed');
    assert.deepEqual([...(node?.querySelectorAll('text') ?? [])].map((t) => t.textContent), ['a<b>&c', '"x" + "<y>"', '×3', 'child 1']);
    assert.equal(node?.querySelector('title')?.textContent, 'return: a<b>&c\n"x" + "<y>"\nline 3\nKeyError <k>');
    assert.equal(doc.querySelectorAll('script').length, 0);
  });
});
