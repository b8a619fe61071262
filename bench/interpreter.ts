/**
 * Interpreter overhead: CPU-bound workflows (an arithmetic loop, string building, map and list
 * updates) run on the virtual clock, against plain JavaScript functions doing the same work, and
 * the wall time of a run of 100,000 steps (the per-execution step limit).
 *
 *   node --import tsx bench/interpreter.ts [--quick]
 */
import { parseWorkflow } from '../src/core/model/parse';
import type { Workflow } from '../src/core/model/types';
import { DEFAULT_LIMITS, VirtualClock } from '../src/engine';
import { workflowError } from '../src/engine/errors';
import type { ExecutionHost, ExecutionOutcome } from '../src/engine/host';
import { WorkflowExecution } from '../src/engine/interpreter/runner';
import { count, load1, median, ms, now, printTable, ratio, runIfMain } from './util';

interface Case {
  name: string;
  /** The workflow; `N` is replaced by the iteration count. */
  source: string;
  /** The same work in plain JavaScript; returns something so it cannot be optimised away. */
  js(n: number): unknown;
}

const CASES: Case[] = [
  {
    name: 'arithmetic loop',
    source: `
main:
  steps:
    - init:
        assign:
          - total: 0
          - acc: 1
    - loop:
        for:
          value: i
          range: [1, N]
          steps:
            - add:
                assign:
                  - total: \${total + i * 2 - 1}
                  - acc: \${(acc * 31 + i) % 1000003}
    - done:
        return: \${total + acc}
`,
    js(n) {
      let total = 0;
      let acc = 1;
      for (let i = 1; i <= n; i++) {
        total = total + i * 2 - 1;
        acc = (acc * 31 + i) % 1000003;
      }
      return total + acc;
    },
  },
  {
    name: 'string building',
    source: `
main:
  steps:
    - init:
        assign:
          - s: ""
    - loop:
        for:
          value: i
          range: [1, N]
          steps:
            - append:
                assign:
                  - s: \${s + string(i % 10)}
    - done:
        return: \${len(s)}
`,
    js(n) {
      let s = '';
      for (let i = 1; i <= n; i++) s = s + String(i % 10);
      return s.length;
    },
  },
  {
    name: 'map and list updates',
    source: `
main:
  steps:
    - init:
        assign:
          - m: {}
          - l: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    - loop:
        for:
          value: i
          range: [1, N]
          steps:
            - update:
                assign:
                  - m[string(i % 100)]: \${i}
                  - l[i % 10]: \${l[i % 10] + i}
    - done:
        return: \${len(m) + l[3]}
`,
    js(n) {
      const m = new Map<string, number>();
      const l = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      for (let i = 1; i <= n; i++) {
        m.set(String(i % 100), i);
        l[i % 10] = l[i % 10] + i;
      }
      return m.size + l[3];
    },
  },
];

/** A host on a fresh virtual clock, with no network or connectors, that keeps no history. */
function host(): ExecutionHost {
  return {
    clock: new VirtualClock(),
    http: { send: () => Promise.reject(workflowError('ConnectionFailedError', 'no network in the benchmark')) },
    connectors: { call: (name) => Promise.reject(workflowError('SystemError', `no connector ${name} in the benchmark`)) },
    env: {
      projectId: 'bench',
      projectNumber: '1',
      location: 'us-central1',
      workflowId: 'bench',
      revisionId: '000001-bench',
      executionId: 'bench-1',
      serviceAccount: 'bench@bench.iam.gserviceaccount.com',
      userEnvVars: {},
    },
    signal: new AbortController().signal,
    onStepEntry: () => undefined,
  };
}

/** One run: the outcome, the steps Google would count, and the wall time. */
async function runOnce(workflow: Workflow): Promise<{ outcome: ExecutionOutcome; steps: number; ms: number; cpu: number }> {
  const execution = new WorkflowExecution(workflow, host(), { ...DEFAULT_LIMITS });
  const cpu = process.cpuUsage();
  const start = now();
  const outcome = await execution.run(undefined);
  const end = now();
  const used = process.cpuUsage(cpu);
  return { outcome, steps: execution.meter.stepCount, ms: end - start, cpu: (used.user + used.system) / 1000 };
}

/** Median wall time of `fn(n)` over `runs`, each repeated until it has run for ≥ 20 ms. */
function timeJs(fn: (n: number) => unknown, n: number, runs: number): number {
  let reps = 1;
  for (;;) {
    const start = now();
    for (let r = 0; r < reps; r++) fn(n);
    if (now() - start >= 20) break;
    reps *= 2;
  }
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = now();
    for (let r = 0; r < reps; r++) fn(n);
    times.push((now() - start) / reps);
  }
  return median(times);
}

function workflowOf(c: Case, n: number): Workflow {
  const workflow = parseWorkflow(c.source.replace('N]', `${n}]`));
  if (workflow.problems.length > 0) throw new Error(`${c.name}: ${workflow.problems[0].message}`);
  return workflow;
}

async function overhead(n: number, runs: number): Promise<void> {
  const rows: string[][] = [];
  for (const c of CASES) {
    const workflow = workflowOf(c, n);
    await runOnce(workflow);
    const results = [];
    for (let k = 0; k < runs; k++) results.push(await runOnce(workflow));
    const bad = results.find((r) => r.outcome.state !== 'SUCCEEDED');
    if (bad) throw new Error(`${c.name} did not succeed: ${JSON.stringify(bad.outcome)}`);
    const wf = median(results.map((r) => r.ms));
    const cpu = median(results.map((r) => r.cpu));
    const js = timeJs(c.js, n, runs);
    const steps = results[0].steps;
    rows.push([c.name, count(n), count(steps), ms(wf), ms(cpu), count((steps / wf) * 1000), ms(js), ratio(wf, js)]);
  }
  printTable(
    'Interpreter: CPU-bound workflows on the virtual clock vs plain JavaScript',
    ['workflow', 'iterations', 'steps (as Google counts)', 'interpreter, wall (median)', 'interpreter, CPU (median)', 'steps / s (wall)', 'plain JS (median)', 'interpreter / JS (wall)'],
    rows,
    [
      `${runs} runs each after one warm-up; step history events are produced and dropped; plain JS uses numbers where the interpreter uses 64-bit bigint ints`,
      `load average (1 min): ${load1()}`,
    ],
  );
}

/** The arithmetic loop sized to end just under the step limit, plus one that hits it. */
async function stepLimit(runs: number, overToo: boolean): Promise<void> {
  const arithmetic = CASES[0];
  const probe = await runOnce(workflowOf(arithmetic, 1000));
  const perIteration = (probe.steps - (await runOnce(workflowOf(arithmetic, 1))).steps) / 999;
  const fixed = probe.steps - perIteration * 1000;
  const n = Math.floor((DEFAULT_LIMITS.maxSteps - fixed) / perIteration);
  const rows: string[][] = [];
  const cases: [string, number][] = [['arithmetic loop, just under the limit', n]];
  if (overToo) cases.push(['arithmetic loop, over the limit (fails with ResourceLimitError)', n + 10]);
  for (const [label, iterations] of cases) {
    const workflow = workflowOf(arithmetic, iterations);
    const results = [];
    for (let k = 0; k < runs; k++) results.push(await runOnce(workflow));
    const last = results[results.length - 1];
    const state = last.outcome.state === 'SUCCEEDED' ? 'SUCCEEDED' : `${last.outcome.state}: ${JSON.parse(last.outcome.error.payload).message}`;
    rows.push([label, count(last.steps), ms(median(results.map((r) => r.ms))), ms(median(results.map((r) => r.cpu))), state]);
  }
  printTable('Interpreter: one execution at the step limit', ['run', 'steps', 'wall time (median)', 'CPU time (median)', 'outcome'], rows, [
    `limit ${count(DEFAULT_LIMITS.maxSteps)} steps (DEFAULT_LIMITS.maxSteps); ${runs} runs; load average (1 min): ${load1()}`,
  ]);
}

export async function main(quick: boolean): Promise<void> {
  await overhead(quick ? 2000 : 20000, quick ? 3 : 7);
  await stepLimit(quick ? 1 : 5, !quick);
}

runIfMain(module, main);
