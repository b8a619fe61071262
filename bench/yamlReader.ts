/**
 * The fast YAML reader against the `yaml` package alone: building the workflow model
 * (`buildWorkflow`, the first step of every lint and run) from generated workflows up to Google's
 * 128 KB source limit and a 5,000-step file, with each reader. It tells whether the fast reader
 * still pays for itself (issue 10, item 4).
 *
 *   node --import tsx bench/yamlReader.ts [--quick]
 */
import { parseExpression } from '../src/core/expr/parser';
import { buildWorkflow } from '../src/core/model/buildWorkflow';
import { generateWorkflow } from './generateWorkflow';
import { measure, median, ms, printTable, ratio, runIfMain } from './util';

/** The largest generated workflow that stays within `bytes`. */
function sized(bytes: number): string {
  let steps = 17;
  while (generateWorkflow(steps * 2).length <= bytes) steps *= 2;
  let lo = steps;
  let hi = steps * 2;
  while (hi - lo > 17) {
    const mid = Math.floor((lo + hi) / 2);
    if (generateWorkflow(mid).length <= bytes) lo = mid;
    else hi = mid;
  }
  return generateWorkflow(lo);
}

async function main(quick: boolean): Promise<void> {
  const runs = quick ? 5 : 25;
  const cases: [string, string][] = [
    ['16 KB', sized(16 * 1024)],
    ['128 KB (Google limit)', sized(128 * 1024)],
    ['5,000 steps', generateWorkflow(5000)],
  ];
  const rows: string[][] = [];
  for (const [name, text] of cases) {
    const fast = await measure(() => buildWorkflow(text, undefined, parseExpression), runs, 3);
    const yaml = await measure(() => buildWorkflow(text, undefined, parseExpression, 'yaml'), runs, 3);
    rows.push([name, `${Math.round(text.length / 1024)} KB`, ms(median(fast.cpu)), ms(median(yaml.cpu)), ratio(median(yaml.cpu), median(fast.cpu))]);
  }
  printTable('Model building: fast YAML reader vs the yaml package', ['workflow', 'size', 'fast reader (CPU, median)', 'yaml only (CPU, median)', 'speed-up'], rows, [
    `${runs} runs after 3 warm-up runs; generated workflows (bench/generateWorkflow.ts).`,
  ]);
}

runIfMain(module, main);
