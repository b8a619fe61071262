import type * as vscode from 'vscode';
import { isRunning } from './executionStyle';
import type { ExecutionNode } from './executionNode';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 10_000;
const BACKOFF = 1.5;

/**
 * Polls the running executions shown in the tree, only while the view is visible: first after a
 * second, then backing off up to 10 s; an execution leaves the set at a terminal state. Each tick
 * hands every tracked node to `poll` at once, so it can read them with one list per workflow.
 */
export class LivePoller implements vscode.Disposable {
  private readonly tracked = new Map<string, ExecutionNode>();
  private timer: NodeJS.Timeout | undefined;
  private delay = FIRST_DELAY_MS;
  private polling = false;

  constructor(
    /** Reads the executions again and updates their nodes (and the tree). */
    private readonly poll: (nodes: ExecutionNode[]) => Promise<void>,
    private readonly isVisible: () => boolean,
  ) {}

  /** Follows `node` while it runs (the latest node per execution and place wins). */
  track(node: ExecutionNode): void {
    const key = `${node.isChild ? 'child' : 'top'}:${node.info.name}`;
    if (!isRunning(node.info)) {
      this.tracked.delete(key);
      return;
    }
    const known = this.tracked.has(key);
    this.tracked.set(key, node);
    if (!known) {
      this.delay = FIRST_DELAY_MS;
      this.schedule(true);
    }
  }

  /** Forgets every node (the tree rebuilt its elements). */
  clear(): void {
    this.tracked.clear();
    this.stopTimer();
  }

  /** Resumes polling when the view becomes visible again. */
  visibilityChanged(): void {
    if (this.isVisible()) this.schedule(true);
    else this.stopTimer();
  }

  /** The nodes followed now. */
  nodes(): ExecutionNode[] {
    return [...this.tracked.values()];
  }

  get size(): number {
    return this.tracked.size;
  }

  dispose(): void {
    this.clear();
  }

  private schedule(reset: boolean): void {
    if (this.tracked.size === 0 || !this.isVisible() || this.polling) return;
    if (this.timer && !reset) return;
    this.stopTimer();
    this.timer = setTimeout(() => void this.tick(), this.delay);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (!this.isVisible()) return;
    this.polling = true;
    try {
      const polled = [...this.tracked];
      try {
        await this.poll(polled.map(([, node]) => node));
      } catch {
        // A failed poll is retried on the next tick; the tree shows the last known state.
      }
      for (const [key, node] of polled) if (!isRunning(node.info) && this.tracked.get(key) === node) this.tracked.delete(key);
    } finally {
      this.polling = false;
    }
    this.delay = Math.min(MAX_DELAY_MS, this.delay * BACKOFF);
    this.schedule(false);
  }
}
