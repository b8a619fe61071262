/**
 * One round of a fuzz target in a worker thread, so that the campaign in run.ts can stop an input
 * that never returns (a synchronous infinite loop cannot be interrupted in the same thread).
 * Posts `{ current }` before each input and `{ done }` at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { targetNamed } from './targets';

export interface RoundRequest {
  target: string;
  seed: number;
  numRuns: number;
  timeLimitMs: number;
}

export type RoundMessage = { current: string } | { done: true; numRuns: number; failure?: { input: string; message: string } };

async function round(request: RoundRequest): Promise<RoundMessage> {
  const target = targetNamed(request.target);
  const result = await fc.check(
    fc.asyncProperty(target.input(), (text) => {
      parentPort?.postMessage({ current: text } satisfies RoundMessage);
      return target.check(text);
    }),
    { numRuns: request.numRuns, seed: request.seed, interruptAfterTimeLimit: request.timeLimitMs },
  );
  if (result.failed && result.counterexample) {
    const message = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    return { done: true, numRuns: result.numRuns, failure: { input: result.counterexample[0], message } };
  }
  return { done: true, numRuns: result.numRuns };
}

round(workerData as RoundRequest).then(
  (message) => parentPort?.postMessage(message),
  (err: unknown) => parentPort?.postMessage({ done: true, numRuns: 0, failure: { input: '', message: String(err) } } satisfies RoundMessage),
);
