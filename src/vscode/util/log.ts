import * as vscode from 'vscode';
import { redact } from './redact';

export { redact } from './redact';

/**
 * The "Cloud Workflows" output channel. Every line is timestamped and passed through `redact()`
 * before it is written, so callers may log request details without leaking credentials.
 */
export class Log implements vscode.Disposable {
  private readonly channel: vscode.OutputChannel;

  constructor(name = 'Cloud Workflows') {
    this.channel = vscode.window.createOutputChannel(name);
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  /** Logs a failure; `error` may be anything thrown. */
  error(message: string, error?: unknown): void {
    const detail = error === undefined ? '' : `: ${describeError(error)}`;
    this.write('error', message + detail);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private write(level: string, message: string): void {
    this.channel.appendLine(`${new Date().toISOString()} [${level}] ${redact(message)}`);
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
