/**
 * The workflow graph: building the graph model, laying it out with dagre and drawing the SVG, for
 * generated workflows of 100, 1,000 (Google's 128 KB source limit is about there) and 5,000 steps.
 * The layout runs in the graph view's webview (and `cloud-workflows graph --format svg`), never on
 * the extension host; the model is built on the host after each edit. Target: 1,000 steps laid out
 * in under 1 s.
 */
import { buildGraph } from '../src/core/graph/buildGraph';
import { parseWorkflow } from '../src/core/model/parse';
import { layoutGraph } from '../src/graph/layout';
import { renderSvg } from '../src/graph/svg';
import { generateWorkflow } from './generateWorkflow';
import { count, median, ms, now, printTable, runIfMain } from './util';

function timed<T>(runs: number, body: () => T): { value: T; ms: number } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = now();
    value = body();
    times.push(now() - t);
  }
  return { value, ms: median(times) };
}

runIfMain(module, async (quick) => {
  const sizes = quick ? [100, 1000] : [100, 1000, 5000];
  const rows: string[][] = [];
  for (const steps of sizes) {
    const text = generateWorkflow(steps);
    const runs = steps >= 5000 ? 1 : quick ? 2 : 3;
    const workflow = parseWorkflow(text);
    const model = timed(runs * 3, () => buildGraph(workflow));
    const layout = timed(runs, () => layoutGraph(model.value));
    const svg = timed(runs, () => renderSvg(layout.value));
    rows.push([count(steps), `${Math.round(text.length / 1024)} KB`, count(model.value.nodes.length), count(model.value.edges.length), ms(model.ms), ms(layout.ms), ms(svg.ms), ms(layout.ms + svg.ms)]);
  }
  printTable(
    'Workflow graph: model, layout (dagre) and SVG',
    ['steps', 'source', 'nodes', 'edges', 'model (host)', 'layout', 'SVG', 'view update (layout + SVG)'],
    rows,
    ['Medians. "model" runs on the extension host after each edit (debounced 300 ms); layout and SVG run in the webview.'],
  );
});
