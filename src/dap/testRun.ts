/**
 * A debug session of a workflow test (`testFile` + `test`): the interceptor `cloud-workflows test`
 * runs the test with, the `sys.log` lines its expectations read, and the verdict at the end — in
 * the Debug Console and as the custom event `cloudWorkflows.testResult` for the editor.
 */
import type { TestResultEventBody } from '../core/testing';
import type { ExecutionRecord } from '../emulator/records';
import type { LoadedTestCase } from '../testing/loadTestFile';
import { MockInterceptor } from '../testing/mockInterceptor';
import { judgeRun } from '../testing/runTest';

export class DebuggedTest {
  readonly interceptor: MockInterceptor;
  /** `sys.log` texts of the run and its children, in order (for `expect.logs`). */
  readonly logs: string[] = [];

  constructor(
    readonly testCase: LoadedTestCase,
    options: { isDeployed(workflowId: string): boolean; parent: string; now(): number },
  ) {
    // Calls no mock answers stop the run, with a mock to paste, exactly as in `cloud-workflows test`.
    this.interceptor = new MockInterceptor({ mocks: testCase.mocks, env: testCase.env, ...options });
  }

  /**
   * The verdict on the finished run, and its Debug Console text. A run the client stopped has no
   * verdict (`cancelled`).
   */
  verdict(record: ExecutionRecord, stoppedByClient: boolean): { body: TestResultEventBody; text: string; category: 'console' | 'stderr' } {
    const name = this.testCase.test.name;
    if (stoppedByClient && record.state === 'CANCELLED') {
      return { body: { test: name, status: 'cancelled', messages: [{ message: 'The debug session was stopped before the test finished.' }] }, text: `test "${name}": not finished (the session was stopped)\n`, category: 'console' };
    }
    const { failures } = judgeRun(this.testCase, record, this.interceptor, this.logs);
    const body: TestResultEventBody = { test: name, status: failures.length > 0 ? 'failed' : 'passed', messages: failures.map((f) => ({ message: f.message, expected: f.expected, actual: f.actual })) };
    if (failures.length === 0) return { body, text: `test "${name}": passed (the expectations hold)\n`, category: 'console' };
    // Unmocked calls fail the test on their own (judgeRun then reports only them), each message with a mock to paste.
    const label = this.interceptor.unmocked.length > 0 ? 'unmocked call' : 'expectation failed';
    const lines = failures.map((f) => `${label}: ${f.message}\n`);
    return { body, text: `test "${name}": failed\n${lines.join('')}`, category: 'stderr' };
  }
}
