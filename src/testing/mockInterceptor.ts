/**
 * The call interceptor of one test run, shared by the tested execution and every child it starts:
 * records each call (for `expect.calls`), answers from the first matching mock (the test's, then
 * the file's) with its outcomes in sequence, answers `sys.get_env` from the file's `env`, and stops
 * the run on an external call no mock answers.
 */
import { childStartKind, childWorkflowId, findMock, type Mock, type MockOutcome, type ObservedCall, type TestData } from '../core/testing';
import type { CallAnswer, CallInterceptor, InterceptedCall } from '../engine/intercept';
import { fromJson } from '../engine/json';
import type { Value } from '../engine/value';
import type { ExecutionRecord } from '../emulator/records';
import { executionResource } from '../emulator/resources';
import { answerOf, childAnswer, mockedChildRecord } from './mockAnswers';
import { isExternalCall, unmockedCallMessage } from './unmockedCall';

/** A call as recorded for `expect.calls` and the editor. */
export interface RecordedCall extends ObservedCall {
  execution: string;
  routine: string;
}

export interface MockInterceptorOptions {
  mocks: readonly Mock[];
  env: ReadonlyMap<string, string>;
  /** True when a child workflow of this ID is deployed and may really run. */
  isDeployed(workflowId: string): boolean;
  /** `projects/P/locations/L`, for mocked child executions' names. */
  parent: string;
  now(): number;
}

const GET_EXECUTION = /^googleapis\.workflowexecutions\.(?:v1|v1beta)\.projects\.locations\.workflows\.executions\.get$/;

export class MockInterceptor {
  readonly calls: RecordedCall[] = [];
  /** Messages of external calls no mock answered; any one fails the test. */
  readonly unmocked: string[] = [];
  private readonly uses = new Map<Mock, number>();
  private readonly mockedChildren = new Map<string, ExecutionRecord>();

  constructor(private readonly options: MockInterceptorOptions) {}

  /** The interceptor for one execution of the run. */
  forExecution(execution: string): CallInterceptor {
    return { intercept: (call) => this.intercept(execution, call) };
  }

  private intercept(execution: string, call: InterceptedCall): CallAnswer | undefined {
    const args = call.args as TestData;
    const workflowId = childWorkflowId(call.target, args);
    const observed: ObservedCall = { target: call.target, workflowId, step: call.step, args };
    this.calls.push({ ...observed, execution, routine: call.routine });
    const mock = findMock(this.options.mocks, observed);
    if (mock) return this.answer(mock, observed);
    if (call.target === 'sys.get_env' && args instanceof Map) {
      const value = this.options.env.get(String(args.get('name')));
      if (value !== undefined) return { kind: 'returns', value };
    }
    if (GET_EXECUTION.test(call.target) && args instanceof Map) {
      const child = this.mockedChildren.get(String(args.get('name')));
      if (child) return { kind: 'returns', value: fromJson(executionResource(child, 'FULL', this.options.now())) };
    }
    if (isExternalCall(call.target, workflowId, (id) => this.options.isDeployed(id))) {
      const message = unmockedCallMessage(call.target, workflowId, call.step, call.args);
      this.unmocked.push(message);
      return { kind: 'stop', value: new Map<string, Value>([['message', message], ['tags', ['UnmockedCallError']]]) };
    }
    return undefined;
  }

  /** The mock's next outcome: one per matching call, the last one repeating. */
  private next(mock: Mock): MockOutcome {
    const used = this.uses.get(mock) ?? 0;
    this.uses.set(mock, used + 1);
    return mock.outcomes[Math.min(used, mock.outcomes.length - 1)];
  }

  private answer(mock: Mock, call: ObservedCall): CallAnswer {
    const outcome = this.next(mock);
    const kind = childStartKind(call.target);
    if (!mock.workflow || !kind || call.workflowId === undefined) return answerOf(outcome);
    const argument = call.args instanceof Map ? call.args.get('argument') : undefined;
    const record = mockedChildRecord(this.options.parent, call.workflowId, argument, outcome, this.options.now());
    this.mockedChildren.set(record.name, record);
    return childAnswer(kind, record, outcome);
  }
}
