/**
 * What step history costs the engine: the same loop with no history sink, with basic history
 * (entries kept, no variables), and with detailed history (each finished entry also records the
 * variables in scope as exact JSON), plus the variable text a detailed run keeps.
 *
 *   node --import tsx bench/executionHistory.ts [--quick]
 */
import { parseWorkflow } from '../src/core/model/parse';
import { DEFAULT_LIMITS, VirtualClock } from '../src/engine';
import { workflowError } from '../src/engine/errors';
import type { ExecutionHost, StepEntryEvent } from '../src/engine/host';
import { WorkflowExecution } from '../src/engine/interpreter/runner';
import { count, kb, load1, median, ms, now, printTable, runIfMain } from './util';

const SOURCE = (n: number): string => `
main:
  steps:
    - init:
        assign:
          - total: 0
          - names: ["ada", "grace", "barbara", "frances"]
          - config: {"region": "us-central1", "retries": 3, "batch": 250}
    - loop:
        for:
          value: i
          range: [1, ${n}]
          steps:
            - add:
                assign:
                  - total: \${total + i}
    - done:
        return: \${total}
`;

type Mode = 'no history' | 'basic history' | 'detailed history';

function host(mode: Mode, entries: StepEntryEvent[]): ExecutionHost {
  const refuse = (): Promise<never> => Promise.reject(workflowError('SystemError', 'not in this benchmark'));
  const base: ExecutionHost = {
    clock: new VirtualClock(),
    http: { send: refuse },
    connectors: { call: refuse },
    env: { projectId: 'p', projectNumber: '1', location: 'l', workflowId: 'w', revisionId: 'r', executionId: 'e', serviceAccount: 's', userEnvVars: {} },
    signal: new AbortController().signal,
  };
  if (mode === 'no history') return base;
  return { ...base, onStepEntry: (e) => entries.push(e), recordVariables: mode === 'detailed history' };
}

async function runOnce(mode: Mode, n: number): Promise<{ ms: number; entries: number; variableBytes: number }> {
  const entries: StepEntryEvent[] = [];
  const execution = new WorkflowExecution(parseWorkflow(SOURCE(n)), host(mode, entries), { ...DEFAULT_LIMITS });
  const t = now();
  const outcome = await execution.run(undefined);
  const elapsed = now() - t;
  if (outcome.state !== 'SUCCEEDED') throw new Error(`the benchmark workflow failed: ${outcome.error.payload}`);
  return { ms: elapsed, entries: entries.length, variableBytes: entries.reduce((sum, e) => sum + (e.variables?.length ?? 0), 0) };
}

export async function main(quick: boolean): Promise<void> {
  const n = quick ? 2000 : 10000;
  const runs = quick ? 3 : 7;
  const rows: string[][] = [];
  let baseline = 0;
  for (const mode of ['no history', 'basic history', 'detailed history'] as Mode[]) {
    await runOnce(mode, n);
    const results = [];
    for (let k = 0; k < runs; k++) results.push(await runOnce(mode, n));
    const time = median(results.map((r) => r.ms));
    if (mode === 'no history') baseline = time;
    rows.push([mode, ms(time), `${(time / baseline).toFixed(2)}×`, count(results[0].entries), kb(results[0].variableBytes)]);
  }
  printTable('Execution history: a loop of ' + count(n) + ' iterations on the virtual clock', ['history', 'run time (median)', 'vs no history', 'entry events', 'variables kept'], rows, [
    `${runs} runs each after one warm-up; detailed history stops recording variables past 16 MiB per execution; load average (1 min): ${load1()}`,
  ]);
}

runIfMain(module, main);
