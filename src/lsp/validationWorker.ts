/**
 * Parsing and validating large documents on a worker thread, so the server's own thread keeps
 * answering requests while a 5,000-step workflow is re-checked (parsing alone is one long task
 * that cannot be cut). `serveValidation` is the worker's side; `WorkerValidator` the server's.
 * The diagnostics are those of `validateWorkflow(parseWorkflow(text))`, copied across threads with
 * the summary of the workflow's child-execution calls (the cross-workflow check runs in the server).
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { updateWorkflow } from '../core/model/parse';
import type { Workflow } from '../core/model/types';
import { validateWorkflow } from '../core/validate';
import { childCallSummaries } from '../core/validate/childWorkflows';
import type { Checked } from './documentModels';

interface Job {
  id: number;
  /** The document's URI: the worker keeps the model of its last version to re-read only what an edit changed. */
  key: string;
  text: string;
  format: 'yaml' | 'json';
}

type Answer = { id: number; checked: Checked } | { id: number; error: string };

/** How many documents' last models the worker keeps (the most recently checked ones). */
const KEPT_MODELS = 8;

/**
 * The worker's loop: one job at a time, each answered with its diagnostics or the error it hit.
 * The last model of each recent document is kept, so a small edit re-reads only its step.
 */
export function serveValidation(port: MessagePort): void {
  const models = new Map<string, Workflow>();
  port.on('message', (job: Job) => {
    let answer: Answer;
    try {
      const previous = models.get(job.key);
      models.delete(job.key);
      const workflow = updateWorkflow(previous, job.text, { format: job.format });
      models.set(job.key, workflow);
      if (models.size > KEPT_MODELS) models.delete(models.keys().next().value as string);
      answer = { id: job.id, checked: { diagnostics: validateWorkflow(workflow), calls: childCallSummaries(workflow) } };
    } catch (error) {
      answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
}

const MAX_FAILURES = 3;

interface Waiting {
  job: Job;
  key: string;
  resolve(checked: Checked | undefined): void;
  reject(error: Error): void;
}

/**
 * The server's side: one worker, started on first use, one job in flight. While it is busy, only
 * the newest job per key (document URI) waits; an older one it replaces resolves to undefined.
 */
export class WorkerValidator {
  private worker: Worker | undefined;
  private running: Waiting | undefined;
  private readonly queued = new Map<string, Waiting>();
  private nextId = 1;
  /** Workers lost in a row without an answer: past `MAX_FAILURES` the validator gives up. */
  private failures = 0;

  /** `file` is the worker's script: a bundle that calls `serveValidation(parentPort)`. */
  constructor(private readonly file: string) {}

  /** False once workers kept failing: callers then check on their own thread. */
  get usable(): boolean {
    return this.failures < MAX_FAILURES;
  }

  /** The diagnostics and child calls of `text`, or undefined when a newer job for the same key replaced this one. */
  validate(key: string, text: string, format: 'yaml' | 'json'): Promise<Checked | undefined> {
    return new Promise((resolve, reject) => {
      if (!this.usable) {
        reject(new Error('the validation worker failed too often'));
        return;
      }
      this.queued.get(key)?.resolve(undefined);
      this.queued.set(key, { job: { id: this.nextId++, key, text, format }, key, resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker; waiting jobs fail. */
  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.fail(new Error('the validation worker was stopped'));
    void worker?.terminate();
  }

  private pump(): void {
    if (this.running || this.queued.size === 0) return;
    const [key, next] = this.queued.entries().next().value as [string, Waiting];
    this.queued.delete(key);
    this.running = next;
    this.start().postMessage(next.job);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // From source (the tests run the server through tsx) the worker needs tsx's loader too.
    const worker = new Worker(this.file, this.file.endsWith('.ts') ? { execArgv: ['--require', 'tsx/cjs'] } : {});
    // The worker must not keep the server alive once the editor has gone.
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const running = this.running;
      if (!running || running.job.id !== answer.id) return;
      this.running = undefined;
      this.failures = 0;
      if ('error' in answer) running.reject(new Error(answer.error));
      else running.resolve(answer.checked);
      this.pump();
    });
    const lost = (error: Error): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failures++;
      this.fail(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the validation worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    const waiting = [...(this.running ? [this.running] : []), ...this.queued.values()];
    this.running = undefined;
    this.queued.clear();
    for (const w of waiting) w.reject(error);
  }
}
