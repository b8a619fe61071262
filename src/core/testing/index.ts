/** Workflow test files: the model, the parser with its diagnostics, matching and comparing. */
export * from './types';
export { parseData, parseTestFile, FILE_KEYS, TEST_KEYS, type ParsedTestFile } from './parseTestFile';
export { MOCK_KEYS, OUTCOME_KEYS, RESPONSE_KEYS } from './parseMock';
export { EXPECT_KEYS, ERROR_KEYS, CALL_EXPECT_KEYS } from './parseExpect';
export { TEST_MESSAGES, testDiagnostic, type TestMessageCode } from './messages';
export { dataEquals, dataIncludes, diffData, renderData } from './data';
export { childStartKind, childWorkflowId, findMock, isHttpRequest, isLocalExecutionsCall, patternMatches, type ObservedCall } from './matching';
export { checkTargets, isCallTarget, stepNames } from './checkTargets';
export { testCompletionContext, type TestCompletionContext } from './completionContext';
export { externalCalls, generateTests, testFromExecution, type ExternalCall, type FinishedExecution } from './generate';
export { TEST_RESULT_EVENT, type TestResultEventBody } from './testResultEvent';
