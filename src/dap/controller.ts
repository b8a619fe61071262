/**
 * The engine side of the debugger: a `DebugHook` that keeps the threads of every execution of the
 * session, decides where to stop (entry, pause, steps, breakpoints, raised errors) and holds the
 * threads while stopped. It knows nothing of DAP messages; the session turns its events into them.
 *
 * All-stop model: when one thread stops, every other thread pauses at its next step boundary (a
 * step that is waiting on HTTP or a sleep finishes that wait first). Continue and the step
 * commands resume them all. Because threads stop only between steps, a stopped branch never
 * leaves a `shared` variable half-written.
 *
 * Stepping: "over" stops at the next step of the same thread at the same or a shallower call depth
 * (so over a `for` step is its first body step, and over a `call:` of a subworkflow is the step after
 * it); "into" stops at the next step of the thread, of a branch it starts, or of a child execution
 * it starts; "out" stops at the next step of the thread in a caller. A branch that ends while
 * stepped hands the step to the thread that started it; a child execution that ends hands it to
 * whatever step runs next.
 */
import type { DebugError, DebugHook, DebugPoint, DebugThread } from '../engine/debug/hook';
import { WorkflowError } from '../engine/errors';
import { hitMatches, type SourceBreakpoint } from './breakpoints';
import { printValue } from './format';

export type StopReason = 'entry' | 'pause' | 'step' | 'breakpoint' | 'exception';

/** A thread as the session lists it. */
export interface ThreadInfo {
  id: number;
  name: string;
  view: DebugThread;
  /** The step it is running or about to run (the latest point seen). */
  point?: DebugPoint;
  /** The error it stopped on, for `exceptionInfo`. */
  exception?: { error: DebugError; caught: boolean };
}

export interface ControllerEvents {
  stopped(thread: ThreadInfo, reason: StopReason, details: { description?: string; text?: string; hitBreakpointIds?: number[] }): void;
  threadStarted(thread: ThreadInfo): void;
  threadExited(thread: ThreadInfo): void;
  output(text: string, category: 'console' | 'stdout' | 'stderr', where?: { workflowId: string; line: number }): void;
}

/** `raised`: every error where it is raised; `uncaught`: only errors no `try … except` handles. */
export interface ExceptionFilter {
  mode: 'raised' | 'uncaught';
  /** Stop only for errors carrying one of these tags; empty: every error. */
  tags: string[];
}

type Stepping = { kind: 'over' | 'out' | 'in'; thread: object | undefined; depth: number; since: number };

export class DebugController implements DebugHook {
  private readonly threads = new Map<object, ThreadInfo>();
  private nextThreadId = 1;
  private executionOrder = new Map<object, number>();
  private paused = false;
  private release: (() => void) | undefined;
  private gate: Promise<void> = Promise.resolve();
  private pauseRequested = false;
  private entryPending: boolean;
  private stepping: Stepping | undefined;
  private breakpoints = new Map<string, Map<number, SourceBreakpoint[]>>();
  private exceptionFilters: ExceptionFilter[] = [];
  /** Executions started so far, to tell a child started after a step-into began. */
  private executionsSeen = 0;

  private releaseTime: (() => void) | undefined;

  /** `holdTime` stops a virtual clock while the workflow is stopped, and returns its release. */
  constructor(
    private readonly events: ControllerEvents,
    private readonly options: { stopOnEntry: boolean; holdTime?: () => () => void },
  ) {
    this.entryPending = options.stopOnEntry;
  }

  /** Replaces the breakpoints of one workflow (by step name offset). */
  setBreakpoints(workflowId: string, list: SourceBreakpoint[]): void {
    const byOffset = new Map<number, SourceBreakpoint[]>();
    for (const bp of list) byOffset.set(bp.offset, [...(byOffset.get(bp.offset) ?? []), bp]);
    this.breakpoints.set(workflowId, byOffset);
  }

  setExceptionFilters(filters: ExceptionFilter[]): void {
    this.exceptionFilters = filters;
  }

  /** Running threads, oldest first. */
  list(): ThreadInfo[] {
    return [...this.threads.values()].sort((a, b) => a.id - b.id);
  }

  thread(id: number): ThreadInfo | undefined {
    for (const t of this.threads.values()) if (t.id === id) return t;
    return undefined;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  // ---- commands -------------------------------------------------------------------------------

  resume(): void {
    this.paused = false;
    this.releaseTime?.();
    this.releaseTime = undefined;
    for (const t of this.threads.values()) t.exception = undefined;
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  continue(): void {
    this.stepping = undefined;
    this.resume();
  }

  step(kind: Stepping['kind'], thread: ThreadInfo): void {
    this.stepping = { kind, thread: thread.view.key, depth: thread.point?.depth ?? 0, since: this.executionsSeen };
    this.resume();
  }

  pause(): void {
    if (!this.paused) this.pauseRequested = true;
  }

  // ---- the hook -------------------------------------------------------------------------------

  threadStarted(view: DebugThread): void {
    if (!this.executionOrder.has(view.executionKey)) this.executionOrder.set(view.executionKey, ++this.executionsSeen);
    const info: ThreadInfo = { id: this.nextThreadId++, name: this.nameOf(view), view };
    this.threads.set(view.key, info);
    this.events.threadStarted(info);
  }

  threadEnded(view: DebugThread): void {
    const info = this.threads.get(view.key);
    if (!info) return;
    this.threads.delete(view.key);
    const s = this.stepping;
    if (s && s.thread === view.key) {
      // The step continues where control goes: the thread that started the branch, or anywhere.
      this.stepping = view.parentKey ? { kind: 'over', thread: view.parentKey, depth: s.depth, since: s.since } : { kind: 'in', thread: undefined, depth: 0, since: s.since };
    }
    this.events.threadExited(info);
  }

  beforeStep(point: DebugPoint): void | Promise<void> {
    if (point.inline) return;
    const info = this.threads.get(point.thread.key);
    if (!info) return;
    info.point = point;
    // The common case answers synchronously: nothing to wait for, nothing that could stop here.
    const quiet = !this.paused && !this.entryPending && !this.pauseRequested && !this.stepping;
    if (quiet && !this.breakpoints.get(point.thread.env.workflowId)?.has(point.step.name.span.start)) return;
    return this.check(point, info);
  }

  private async check(point: DebugPoint, info: ThreadInfo): Promise<void> {
    if (this.paused) await this.waitWhilePaused(point.signal);
    const stop = await this.stopReason(point, info);
    if (!stop) return;
    await this.stop(info, point, stop.reason, stop.details);
  }

  async onRaised(point: DebugPoint, error: DebugError, caught: boolean): Promise<void> {
    const info = this.threads.get(point.thread.key);
    if (!info || this.exceptionFilters.length === 0) return;
    const matches = this.exceptionFilters.some(
      (f) => (f.mode === 'raised' || !caught) && (f.tags.length === 0 || error.tags.some((t) => f.tags.includes(t))),
    );
    if (!matches) return;
    info.point = point;
    if (this.paused) await this.waitWhilePaused(point.signal);
    info.exception = { error, caught };
    const label = error.tags.length > 0 ? `${error.tags.join(', ')}: ${error.message}` : error.message;
    await this.stop(info, point, 'exception', { description: `${caught ? 'Raised' : 'Uncaught'} error`, text: label });
  }

  // ---- internals ------------------------------------------------------------------------------

  private nameOf(view: DebugThread): string {
    const order = this.executionOrder.get(view.executionKey) ?? 1;
    let name = view.name;
    for (let parent = view.parentKey; parent; ) {
      const p = this.threads.get(parent);
      if (!p) break;
      name = `${p.view.name === 'main' ? '' : `${p.view.name} › `}${name}`;
      parent = p.view.parentKey;
    }
    return order === 1 ? name : `${view.env.workflowId} (child ${order - 1}): ${name}`;
  }

  private async stop(info: ThreadInfo, point: DebugPoint, reason: StopReason, details: { description?: string; text?: string; hitBreakpointIds?: number[] }): Promise<void> {
    this.stepping = undefined;
    this.pauseRequested = false;
    // A second thread that decided to stop at the same moment reports its stop on the same gate.
    if (!this.paused) {
      this.paused = true;
      this.releaseTime ??= this.options.holdTime?.();
      this.gate = new Promise<void>((resolve) => (this.release = resolve));
    }
    info.point = point;
    this.events.stopped(info, reason, details);
    await this.waitWhilePaused(point.signal);
  }

  /** Waits until resumed, or until the execution is cancelled (the engine then stops the step). */
  private async waitWhilePaused(signal: AbortSignal): Promise<void> {
    while (this.paused && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const onAbort = (): void => resolve();
        signal.addEventListener('abort', onAbort, { once: true });
        void this.gate.then(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    }
  }

  private async stopReason(point: DebugPoint, info: ThreadInfo): Promise<{ reason: StopReason; details: { hitBreakpointIds?: number[]; description?: string; text?: string } } | undefined> {
    if (this.entryPending && this.executionOrder.get(point.thread.executionKey) === 1) {
      this.entryPending = false;
      return { reason: 'entry', details: {} };
    }
    if (this.pauseRequested) return { reason: 'pause', details: {} };
    if (this.steppedTo(point)) return { reason: 'step', details: {} };
    const candidates = this.breakpoints.get(point.thread.env.workflowId)?.get(point.step.name.span.start);
    if (!candidates) return undefined;
    const hit: number[] = [];
    let problem: string | undefined;
    for (const bp of candidates) {
      const verdict = await this.evaluateBreakpoint(point, info, bp);
      if (verdict === true) hit.push(bp.id);
      else if (typeof verdict === 'string') {
        hit.push(bp.id);
        problem = verdict;
      }
    }
    if (hit.length === 0) return undefined;
    return { reason: 'breakpoint', details: { hitBreakpointIds: hit, text: problem } };
  }

  private steppedTo(point: DebugPoint): boolean {
    const s = this.stepping;
    if (!s) return false;
    const key = point.thread.key;
    switch (s.kind) {
      case 'over':
        return key === s.thread && point.depth <= s.depth;
      case 'out':
        return key === s.thread && point.depth < s.depth;
      case 'in':
        return s.thread === undefined || key === s.thread || this.descends(point.thread, s.thread) || (this.executionOrder.get(point.thread.executionKey) ?? 0) > s.since;
    }
  }

  private descends(view: DebugThread, ancestor: object): boolean {
    for (let p = view.parentKey; p; p = this.threads.get(p)?.view.parentKey) if (p === ancestor) return true;
    return false;
  }

  /** true: stop; false: don't; a string: stop, because the condition failed with this message. */
  private async evaluateBreakpoint(point: DebugPoint, info: ThreadInfo, bp: SourceBreakpoint): Promise<boolean | string> {
    const frame = point.frames()[0];
    if (bp.condition !== undefined) {
      try {
        const value = await frame.evaluate(bp.condition);
        if (value !== true) {
          if (typeof value === 'boolean') return false;
          return `The breakpoint condition \`${bp.condition}\` is not a boolean: ${printValue(value)}`;
        }
      } catch (e) {
        return `The breakpoint condition \`${bp.condition}\` failed: ${describeError(e)}`;
      }
    }
    bp.hits++;
    if (bp.hitCondition && !hitMatches(bp.hitCondition, bp.hits)) return false;
    if (!bp.logMessage) return true;
    let text = '';
    for (const part of bp.logMessage) {
      if ('text' in part) text += part.text;
      else {
        try {
          text += printValue(await frame.evaluate(part.expression));
        } catch (e) {
          text += `<${describeError(e)}>`;
        }
      }
    }
    this.events.output(`${text}\n`, 'console', { workflowId: info.view.env.workflowId, line: bp.line });
    return false;
  }
}

/** The language's error as text: `KeyError: Variable "x" is not defined`. */
export function describeError(e: unknown): string {
  if (e instanceof WorkflowError) {
    const tags = e.value instanceof Map ? e.value.get('tags') : undefined;
    const tag = Array.isArray(tags) && typeof tags[0] === 'string' ? tags[0] : undefined;
    return tag ? `${tag}: ${e.message}` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
