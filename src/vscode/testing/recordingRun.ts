/**
 * A test run that also records what it reported: VS Code keeps test results private, and the
 * integration tests read them through `cloudWorkflows.testing.inspect`.
 */
import * as vscode from 'vscode';

/** What the last runs reported, by test item id: the integration tests read it (VS Code keeps results private). */
export interface ReportedResult {
  state: 'passed' | 'failed' | 'errored' | 'skipped';
  messages: { message: string; expected?: string; actual?: string; location?: vscode.Location }[];
  output: string[];
}

/** A test run that also records what it reported, for `cloudWorkflows.testing.inspect`. */
export class RecordingRun {
  constructor(
    readonly run: vscode.TestRun,
    private readonly results: Map<string, ReportedResult>,
  ) {}

  private record(item: vscode.TestItem, state: ReportedResult['state'], messages: vscode.TestMessage[] = []): void {
    const output = this.results.get(item.id)?.output ?? [];
    this.results.set(item.id, {
      state,
      output,
      messages: messages.map((m) => ({
        message: typeof m.message === 'string' ? m.message : m.message.value,
        expected: m.expectedOutput,
        actual: m.actualOutput,
        location: m.location,
      })),
    });
  }

  started(item: vscode.TestItem): void {
    this.results.set(item.id, { state: 'skipped', messages: [], output: [] });
    this.run.started(item);
  }

  passed(item: vscode.TestItem, duration: number): void {
    this.record(item, 'passed');
    this.run.passed(item, duration);
  }

  failed(item: vscode.TestItem, messages: vscode.TestMessage[], duration: number): void {
    this.record(item, 'failed', messages);
    this.run.failed(item, messages, duration);
  }

  errored(item: vscode.TestItem, message: vscode.TestMessage): void {
    this.record(item, 'errored', [message]);
    this.run.errored(item, message);
  }

  skipped(item: vscode.TestItem): void {
    this.record(item, 'skipped');
    this.run.skipped(item);
  }

  appendOutput(text: string, location?: vscode.Location, item?: vscode.TestItem): void {
    if (item) this.results.get(item.id)?.output.push(text);
    this.run.appendOutput(text, location, item);
  }
}
