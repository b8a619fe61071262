/**
 * The Debug Adapter Protocol session of `cloud-workflows dap`: launches a workflow on an
 * in-process emulator with the `DebugController` attached, and answers the client's requests.
 *
 * Life of a session: `initialize` → `launch` (checks the arguments, deploys the workflows, sends
 * `initialized`) → breakpoints → `configurationDone` (the execution starts; `launch` is answered) →
 * … → the result or error as JSON in the Debug Console, `terminated`, `exited` (0 succeeded, 1
 * failed or cancelled). `disconnect` and `terminate` cancel the execution and every child it
 * started, through the emulator, which leaves no timer behind.
 *
 * A malformed message (bad JSON, a request without its arguments) gets an error answer or a
 * console line; it never ends the session.
 */
import { DebugSession, Event, ExitedEvent, InitializedEvent, OutputEvent, Source, StoppedEvent, TerminatedEvent, ThreadEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as path from 'node:path';
import { TEST_RESULT_EVENT } from '../core/testing';
import { RealClock, VIRTUAL_EPOCH_MS, VirtualClock } from '../engine/clock';
import { decodeJson, encodeJson } from '../engine/json';
import type { Value } from '../engine/value';
import { Emulator } from '../emulator/emulator';
import type { ExecutionRecord } from '../emulator/records';
import { testTarget } from '../testing/runTest';
import { DebugController, describeError, type ExceptionFilter, type ThreadInfo } from './controller';
import { Deployment } from './deployment';
import { formatValue } from './format';
import { InspectError, Inspector } from './inspector';
import { LaunchError, parseLaunchArgs } from './launchArgs';
import { resolveBreakpoints } from './sourceBreakpoints';
import { DebuggedTest } from './testRun';

/** The exception breakpoint filters the client offers as checkboxes. */
export const EXCEPTION_FILTERS: DebugProtocol.ExceptionBreakpointsFilter[] = [
  { filter: 'raised', label: 'Raised errors', description: 'Stop where any error is raised, even one a try/except handles', supportsCondition: true, conditionDescription: 'Error tags, e.g. HttpError, KeyError' },
  { filter: 'uncaught', label: 'Uncaught errors', description: 'Stop where an error is raised that no try/except handles', supportsCondition: true, conditionDescription: 'Error tags, e.g. HttpError, KeyError' },
];

export class WorkflowDebugSession extends DebugSession {
  private controller: DebugController | undefined;
  private emulator: Emulator | undefined;
  private deployment: Deployment | undefined;
  private readonly inspector = new Inspector();
  private mainExecution: string | undefined;
  private configured!: () => void;
  private readonly configurationDone = new Promise<void>((resolve) => (this.configured = resolve));
  private ended = false;
  /** The client asked to stop (terminate or disconnect): a cancelled run is the user's doing. */
  private stopRequested = false;
  /** Set when the session debugs a workflow test: what its verdict needs. */
  private test: DebuggedTest | undefined;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
    // The base class ends the process on any 'error' event, a message that is not JSON included.
    this.removeAllListeners('error');
    this.on('error', (event: { body?: unknown }) => {
      const text = String(event.body ?? 'unknown error');
      if (text.startsWith('Error handling data')) this.sendEvent(new OutputEvent(`cloud-workflows dap: ignored a malformed message (${text.replace(/^Error handling data: /, '')})\n`, 'stderr'));
      else void this.stopEverything().then(() => this.shutdown());
    });
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      ...response.body,
      supportsConfigurationDoneRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsExceptionInfoRequest: true,
      supportsExceptionFilterOptions: true,
      exceptionBreakpointFilters: EXCEPTION_FILTERS,
      supportsTerminateRequest: true,
      supportsDelayedStackTraceLoading: true,
    };
    this.sendResponse(response);
  }

  protected override launchRequest(response: DebugProtocol.LaunchResponse, raw: DebugProtocol.LaunchRequestArguments): void {
    void this.guard(response, async () => {
      if (this.controller) throw new LaunchError('This session has already launched a workflow.');
      const args = parseLaunchArgs(raw);
      const testCase = args.testCase;
      // A test's `now` starts the virtual clock; the real clock is the machine's.
      const clock = args.clock === 'virtual' ? new VirtualClock(testCase?.nowMs ?? VIRTUAL_EPOCH_MS) : new RealClock();
      const controller = new DebugController(
        {
          stopped: (thread, reason, details) => this.onStopped(thread, reason, details),
          threadStarted: (thread) => this.sendEvent(new ThreadEvent('started', thread.id)),
          threadExited: (thread) => this.sendEvent(new ThreadEvent('exited', thread.id)),
          output: (text, category, where) => this.output(text, category, where),
        },
        { stopOnEntry: args.stopOnEntry, holdTime: clock instanceof VirtualClock ? () => clock.hold() : undefined },
      );
      const target = testCase && testTarget(testCase);
      const emulator = new Emulator({
        clock,
        project: target?.project,
        location: target?.location,
        debug: controller,
        onLog: (execution, entry) => this.onLog(execution, entry),
        interceptor: (execution) => this.test?.interceptor.forExecution(execution),
      });
      try {
        this.deployment = new Deployment(emulator, args, target?.workflowId);
      } catch (e) {
        await emulator.close();
        throw e;
      }
      if (testCase) {
        const deployment = this.deployment;
        this.test = new DebuggedTest(testCase, { isDeployed: (id) => deployment.get(id) !== undefined, parent: emulator.parent, now: () => clock.now() });
      }
      this.controller = controller;
      this.emulator = emulator;
      for (const warning of this.deployment.warnings) this.output(`${warning}\n`, 'stderr');
      this.sendEvent(new InitializedEvent());
      await this.configurationDone;
      if (this.ended) return;
      const started = emulator.run(this.deployment.programId, args.argumentJson);
      this.mainExecution = String(started.name);
      this.sendResponse(response);
      void emulator.wait(this.mainExecution).then((record) => this.finish(record));
    });
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.configured();
    this.sendResponse(response);
  }

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    void this.guard(response, async () => {
      const file = args.source.path;
      const requested = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
      const workflow = file && this.deployment ? this.deployment.byFile(file) : undefined;
      const { breakpoints, verified } = resolveBreakpoints(workflow, requested, {
        toDebugger: (line) => this.convertClientLineToDebugger(line),
        toClient: (line) => this.convertDebuggerLineToClient(line),
        launched: this.deployment !== undefined,
      });
      if (workflow) this.controller?.setBreakpoints(workflow.workflowId, verified);
      response.body = { breakpoints };
      this.sendResponse(response);
    });
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    void this.guard(response, async () => {
      const options: DebugProtocol.ExceptionFilterOptions[] = [...(args.filters ?? []).map((filterId) => ({ filterId })), ...(args.filterOptions ?? [])];
      const filters: ExceptionFilter[] = [];
      const breakpoints: DebugProtocol.Breakpoint[] = [];
      for (const o of options) {
        if (o.filterId !== 'raised' && o.filterId !== 'uncaught') {
          breakpoints.push({ verified: false, message: `Unknown exception filter "${o.filterId}": use "raised" or "uncaught"` });
          continue;
        }
        filters.push({ mode: o.filterId, tags: (o.condition ?? '').split(/[\s,]+/).filter((t) => t !== '') });
        breakpoints.push({ verified: true });
      }
      this.controller?.setExceptionFilters(filters);
      response.body = { breakpoints };
      this.sendResponse(response);
    });
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    const threads = this.controller?.list() ?? [];
    response.body = { threads: threads.length > 0 ? threads.map((t) => ({ id: t.id, name: t.name })) : [{ id: 1, name: 'main' }] };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    void this.guard(response, async () => {
      const thread = this.threadOf(args.threadId);
      const all = this.inspector.stack(
        thread,
        (id) => this.sourceOf(id),
        (line) => this.convertDebuggerLineToClient(line),
        (column) => this.convertDebuggerColumnToClient(column),
      );
      const start = args.startFrame ?? 0;
      const frames = args.levels ? all.slice(start, start + args.levels) : all.slice(start);
      response.body = { stackFrames: frames, totalFrames: all.length };
      this.sendResponse(response);
    });
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    void this.guard(response, async () => {
      response.body = { scopes: this.inspector.scopes(args.frameId) };
      this.sendResponse(response);
    });
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    void this.guard(response, async () => {
      let variables = this.inspector.variables(args.variablesReference);
      if (args.filter === 'named') variables = variables.filter((v) => !/^\d+$/.test(v.name));
      if (args.start !== undefined || args.count) variables = variables.slice(args.start ?? 0, args.count ? (args.start ?? 0) + args.count : undefined);
      response.body = { variables };
      this.sendResponse(response);
    });
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    void this.guard(response, async () => {
      response.body = await this.inspector.evaluate(args.frameId, args.expression);
      this.sendResponse(response);
    });
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    void this.guard(response, async () => {
      response.body = await this.inspector.setVariable(args.variablesReference, args.name, args.value);
      this.sendResponse(response);
    });
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse, args: DebugProtocol.ExceptionInfoArguments): void {
    void this.guard(response, async () => {
      const exception = this.threadOf(args.threadId).exception;
      if (!exception) throw new InspectError('This thread did not stop on an error.');
      const { error, caught } = exception;
      response.body = {
        exceptionId: error.tags[0] ?? 'error',
        description: error.message,
        breakMode: caught ? 'always' : 'unhandled',
        details: { message: error.message, typeName: error.tags.join(', '), stackTrace: errorText(error.value) },
      };
      this.sendResponse(response);
    });
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.resumed(response, () => this.controller?.continue());
  }

  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.resumed(response, () => this.controller?.step('over', this.threadOf(args.threadId)));
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.resumed(response, () => this.controller?.step('in', this.threadOf(args.threadId)));
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: DebugProtocol.StepOutArguments): void {
    this.resumed(response, () => this.controller?.step('out', this.threadOf(args.threadId)));
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.controller?.pause();
    this.sendResponse(response);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    void this.guard(response, async () => {
      this.stopRequested = true;
      if (this.mainExecution && this.emulator) await this.emulator.executions.cancel(this.mainExecution).catch(() => undefined);
      this.sendResponse(response);
    });
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    void this.stopEverything().then(() => {
      this.sendResponse(response);
      this.shutdown();
    });
  }

  /** Cancels the execution and its children and releases the emulator (idempotent). */
  async stopEverything(): Promise<void> {
    this.ended = true;
    this.stopRequested = true;
    this.configured();
    const emulator = this.emulator;
    this.emulator = undefined;
    // Closing aborts every execution: threads held by the debugger wake up and unwind at once.
    if (emulator) await emulator.close();
    this.controller?.continue();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private resumed(response: DebugProtocol.Response & { body?: { allThreadsContinued?: boolean } }, command: () => void): void {
    void this.guard(response, async () => {
      command();
      this.inspector.reset();
      response.body = { allThreadsContinued: true };
      this.sendResponse(response);
    });
  }

  private onStopped(thread: ThreadInfo, reason: string, details: { description?: string; text?: string; hitBreakpointIds?: number[] }): void {
    this.inspector.reset();
    const event = new StoppedEvent(reason, thread.id, details.text) as DebugProtocol.StoppedEvent;
    event.body.allThreadsStopped = true;
    if (details.description) event.body.description = details.description;
    if (details.hitBreakpointIds) event.body.hitBreakpointIds = details.hitBreakpointIds;
    if (details.text && reason === 'breakpoint') this.output(`${details.text}\n`, 'stderr');
    this.sendEvent(event);
  }

  private onLog(execution: string, entry: { severity: string; payload: unknown }): void {
    const workflowId = /\/workflows\/([^/]+)\/executions\//.exec(execution)?.[1];
    const prefix = execution === this.mainExecution || !workflowId ? '' : `[${workflowId}] `;
    const text = typeof entry.payload === 'string' ? entry.payload : JSON.stringify(entry.payload);
    this.test?.logs.push(text);
    const severe = ['ERROR', 'CRITICAL', 'ALERT', 'EMERGENCY'].includes(entry.severity);
    this.output(`${prefix}${text}\n`, severe ? 'stderr' : 'stdout');
  }

  private output(text: string, category: 'console' | 'stdout' | 'stderr', where?: { workflowId: string; line: number }): void {
    const event = new OutputEvent(text, category) as DebugProtocol.OutputEvent;
    const source = where && this.sourceOf(where.workflowId);
    if (where && source) {
      event.body.source = source;
      event.body.line = where.line;
    }
    this.sendEvent(event);
  }

  private async finish(record: ExecutionRecord): Promise<void> {
    if (record.state === 'SUCCEEDED') this.output(`result: ${pretty(record.result ?? 'null')}\n`, 'stdout');
    else this.output(`${record.state === 'CANCELLED' ? 'cancelled' : 'error'}: ${pretty(record.error?.payload ?? 'null')}\n`, 'stderr');
    if (this.test) {
      const { body, text, category } = this.test.verdict(record, this.stopRequested);
      this.output(text, category);
      this.sendEvent(new Event(TEST_RESULT_EVENT, body));
    }
    await this.stopEverything();
    this.sendEvent(new TerminatedEvent());
    this.sendEvent(new ExitedEvent(record.state === 'SUCCEEDED' ? 0 : 1));
  }

  private sourceOf(workflowId: string): DebugProtocol.Source | undefined {
    const w = this.deployment?.get(workflowId);
    return w ? new Source(path.basename(w.file), this.convertDebuggerPathToClient(w.file)) : undefined;
  }

  private threadOf(id: number): ThreadInfo {
    const thread = this.controller?.thread(id);
    if (!thread) throw new InspectError(`No running thread ${id}.`);
    return thread;
  }

  /** Runs a request handler; any failure becomes an error answer with one clear sentence. */
  private async guard(response: DebugProtocol.Response, handler: () => Promise<void>): Promise<void> {
    try {
      await handler();
    } catch (e) {
      const message = e instanceof LaunchError || e instanceof InspectError ? e.message : e instanceof TypeError ? `Malformed "${response.command}" request: ${e.message}` : describeError(e);
      this.sendErrorResponse(response, { id: 1, format: message, showUser: true });
    }
  }
}

/** The whole error value as JSON, or in workflow syntax when JSON cannot hold it (bytes). */
function errorText(value: Value): string {
  try {
    return encodeJson(value, true);
  } catch {
    return formatValue(value);
  }
}

/** JSON text re-indented without going through JavaScript numbers (exact int64). */
function pretty(json: string): string {
  try {
    return encodeJson(decodeJson(json), true);
  } catch {
    return json;
  }
}
