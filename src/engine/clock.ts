/**
 * Clocks for the engine: the real one, and a virtual one for tests and fast local runs whose
 * sleeps complete at once in virtual time while keeping their relative order.
 */
import type { Clock } from './host';

/** Node's timers overflow above 2^31 - 1 ms, so long sleeps are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A sleep length in milliseconds: negative or NaN means no wait. */
function waitMs(ms: number): number {
  return Number.isNaN(ms) ? 0 : Math.max(0, ms);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/** Wall-clock time and `setTimeout` sleeps. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const due = Date.now() + waitMs(ms);
      let timer: NodeJS.Timeout | undefined;
      const onAbort = (): void => {
        if (timer) clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      const arm = (): void => {
        const left = due - Date.now();
        if (left <= 0) {
          signal?.removeEventListener('abort', onAbort);
          resolve();
          return;
        }
        timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(arm, Math.min(waitMs(ms), MAX_TIMER_MS));
    });
  }
}

interface Timer {
  due: number;
  seq: number;
  resolve(): void;
}

/** The fixed start of virtual time unless another is given: 2026-01-01T00:00:00Z. */
export const VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 1);

/**
 * Virtual time. `sleep` registers a timer; once the event loop has nothing else ready to run
 * (checked from a `setImmediate` turn, after pending promise callbacks), time jumps to the earliest
 * due timer and every timer due at that instant fires, in the order the sleeps were requested.
 * Four parallel 10-second sleeps therefore finish together at t + 10 s within milliseconds.
 */
export class VirtualClock implements Clock {
  private current: number;
  private readonly timers: Timer[] = [];
  private seq = 0;
  private pumpScheduled = false;
  private holds = 0;

  constructor(startMs: number = VIRTUAL_EPOCH_MS) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Milliseconds of virtual time elapsed since `startMs`. */
  elapsedSince(startMs: number): number {
    return this.current - startMs;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const timer: Timer = {
        due: this.current + waitMs(ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        const i = this.timers.indexOf(timer);
        if (i >= 0) this.timers.splice(i, 1);
        reject(abortReason(signal as AbortSignal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.schedulePump();
    });
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.fireEarliest();
    });
  }

  /**
   * Stops virtual time until the returned function is called: a debugger holds it while the
   * workflow is stopped, so a paused step does not let every pending sleep or timeout elapse.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0 && this.timers.length > 0) this.schedulePump();
    };
  }

  private fireEarliest(): void {
    if (this.timers.length === 0 || this.holds > 0) return;
    this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    const due = this.timers[0].due;
    this.current = Math.max(this.current, due);
    const ready: Timer[] = [];
    while (this.timers.length > 0 && this.timers[0].due <= this.current) ready.push(this.timers.shift() as Timer);
    for (const t of ready) t.resolve();
    if (this.timers.length > 0) this.schedulePump();
  }
}
