/**
 * The workflow engine: runs a parsed workflow against an injected host (clock, HTTP, connectors,
 * environment, history sinks) and reports the outcome the Executions API would show.
 */
import type { Workflow } from '../core/model/types';
import type { ExecutionHost, ExecutionOutcome } from './host';
import type { Value } from './value';
import { failureOutcome } from './interpreter/outcome';
import { DEFAULT_LIMITS, type Limits } from './interpreter/limits';
import { WorkflowExecution } from './interpreter/runner';

export { RealClock, VirtualClock, VIRTUAL_EPOCH_MS } from './clock';
export { DEFAULT_LIMITS, type Limits } from './interpreter/limits';

export interface RunOptions {
  /** Overrides of the execution limits (steps, call depth, memory, parallelism, ...). */
  limits?: Partial<Limits>;
}

/**
 * Runs `workflow` from its `main` routine. `argumentJson` is the execution argument as JSON text
 * (absent or empty means null), bound to main's single parameter. Never rejects: workflow errors,
 * limits, cancellation and even interpreter faults come back as a FAILED or CANCELLED outcome.
 */
export async function runWorkflow(
  workflow: Workflow,
  argumentJson: string | undefined,
  host: ExecutionHost,
  options?: RunOptions,
): Promise<ExecutionOutcome> {
  try {
    const execution = new WorkflowExecution(workflow, host, { ...DEFAULT_LIMITS, ...options?.limits });
    return await execution.run(argumentJson);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return failureOutcome('FAILED', new Map<string, Value>([['message', `Internal error: ${message}`], ['tags', ['SystemError']]]), []);
  }
}
