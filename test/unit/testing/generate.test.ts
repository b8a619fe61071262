import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseWorkflow } from '../../../src/core/model/parse';
import { externalCalls, generateTests, parseTestFile, testFromExecution, type TestData } from '../../../src/core/testing';
import { outcome, runTests } from './support';

const PIPELINE = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'examples', 'order-pipeline', 'order-pipeline.workflows.yaml'), 'utf8');

describe('test generators', () => {
  it('finds every external call: http requests, connectors and child workflows, not local helpers', () => {
    const workflow = parseWorkflow(`main:
  steps:
    - a:
        call: http.get
        args: {url: "https://x.test"}
    - b:
        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
        args: {workflow_id: child}
    - c:
        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.get
        args: {name: n}
    - d:
        call: sys.log
        args: {text: x}
    - e:
        call: googleapis.bigquery.v2.jobs.query
        args: {projectId: p}
`);
    assert.deepEqual(externalCalls(workflow), [
      { target: 'http.get', step: 'a' },
      { target: 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run', step: 'b', workflowId: 'child' },
      { target: 'googleapis.bigquery.v2.jobs.query', step: 'e' },
    ]);
  });

  it('generates one test per ending of main with stubs for every external call', async () => {
    const text = generateTests(parseWorkflow(PIPELINE), 'order-pipeline.workflows.yaml');
    assert.equal(
      text,
      `# Tests of order-pipeline.workflows.yaml, generated: one per way main can end. Set each argument,
# fill in the mocks, and add result or error expectations.
workflow: order-pipeline.workflows.yaml
mocks:  # stubs for every external call: fill in what each returns
  - call: googleapis.storage.v1.objects.get
    step: read_order
    returns: {}
  - call: http.post
    step: price
    response:
      code: 200
      body: {}
  - call: googleapis.pubsub.v1.projects.topics.publish
    step: publish
    returns: {}
tests:
  - name: ends at check_lines
    argument: null  # an argument that leads to check_lines
    expect:
      state: FAILED
      steps: [check_lines]
  - name: ends at done
    argument: null  # an argument that leads to done
    expect:
      state: SUCCEEDED
      steps: [done]
`,
    );
    assert.deepEqual(parseTestFile(text).diagnostics, []);
  });

  it('writes a test from a finished execution that passes against the same workflow', async () => {
    const workflow = `main:
  params: [args]
  steps:
    - fetch:
        call: http.get
        args: {url: "https://x.test"}
        result: r
    - done:
        return: \${args.n * 2}
`;
    const test = testFromExecution({ id: 'e-1', argument: new Map([['n', 21n]]), state: 'SUCCEEDED', result: 42n }, parseWorkflow(workflow));
    assert.equal(
      test,
      `  - name: reproduces execution e-1
    argument:
      n: 21
    mocks:  # stubs for every external call: fill in what each returns
      - call: http.get
        step: fetch
        response:
          code: 200
          body: {}
    expect:
      state: SUCCEEDED
      result: 42
`,
    );
    const failed = testFromExecution({ id: 'e-2', state: 'FAILED', error: new Map<string, TestData>([['message', 'boom'], ['tags', ['ValueError']]]) }, undefined);
    assert.equal(failed, '  - name: reproduces execution e-2\n    expect:\n      state: FAILED\n      error:\n        message: boom\n        tags:\n          - ValueError\n');
    const results = await runTests(workflow, `tests:\n${test}`);
    assert.equal(outcome(results.get('reproduces execution e-1')), 'passed');
  });
});
