/**
 * The custom DAP event a debug session of a workflow test (`testFile` + `test`) sends at the end
 * of the run with the test's verdict: the adapter sends it, the editor's "Debug Test" reads it.
 */
export const TEST_RESULT_EVENT = 'cloudWorkflows.testResult';

export interface TestResultEventBody {
  /** The test's name. */
  test: string;
  /** `cancelled`: the session was stopped before the run ended, so there is no verdict. */
  status: 'passed' | 'failed' | 'cancelled';
  /**
   * Why it failed (unmocked calls, or the unmet expectations, with rendered expected and actual
   * values where a diff helps), or why it has no verdict.
   */
  messages: { message: string; expected?: string; actual?: string }[];
}
