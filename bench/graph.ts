/**
 * The workflow graph: building the graph model, laying it out with dagre and drawing the SVG, for
 * generated workflows of 100, 1,000 (Google's 128 KB source limit is about there) and 5,000 steps.
 * The layout runs in the graph view's webview (and `cloud-workflows graph --format svg`), never on
 * the extension host; the model is built on the host after each edit. "After an edit" is what the
 * view does when one step changed: the pieces it laid out before come from its cache. Target:
 * 1,000 steps laid out in under 1 s. CPU time is reported beside wall time: on a loaded machine
 * wall time measures the neighbours.
 */
import { buildGraph } from '../src/core/graph/buildGraph';
import { parseWorkflow } from '../src/core/model/parse';
import { layoutGraph } from '../src/graph/layout';
import { renderSvg } from '../src/graph/svg';
import { generateWorkflow } from './generateWorkflow';
import { count, median, ms, now, printTable, runIfMain } from './util';

function timed<T>(runs: number, body: () => T): { value: T; ms: number; cpu: number } {
  const times: number[] = [];
  const cpus: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = now();
    const c = process.cpuUsage();
    value = body();
    const u = process.cpuUsage(c);
    times.push(now() - t);
    cpus.push((u.user + u.system) / 1000);
  }
  return { value, ms: median(times), cpu: median(cpus) };
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
    // One step edited: the view's cache holds the pieces of the previous layout.
    const cache = new Map<string, unknown>();
    layoutGraph(model.value, { cache });
    let n = 0;
    const edit = timed(runs, () => {
      const edited = buildGraph(parseWorkflow(text.replace('- total_1: 0', `- total_1: ${++n}`)));
      return renderSvg(layoutGraph(edited, { cache }));
    });
    rows.push([
      count(steps),
      `${Math.round(text.length / 1024)} KB`,
      count(model.value.nodes.length),
      ms(model.ms),
      `${ms(layout.ms)} (CPU ${ms(layout.cpu)})`,
      ms(svg.ms),
      `${ms(edit.ms)} (CPU ${ms(edit.cpu)})`,
    ]);
  }
  printTable(
    'Workflow graph: model, layout (dagre) and SVG',
    ['steps', 'source', 'nodes', 'model (host)', 'first layout', 'SVG', 'after an edit (model + layout + SVG)'],
    rows,
    ['Medians. "model" runs on the extension host after each edit (debounced 300 ms); layout and SVG run in the webview.'],
  );
});
