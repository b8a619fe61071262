import * as assert from 'node:assert/strict';
import { outcome, runTests } from './support';

describe('workflow tests: http responses and child workflows', () => {
  it('runs a response through the real http.* code: JSON decoded by content type, headers lowercased, >= 400 raising HttpError', async () => {
    const results = await runTests(
      `main:
  steps:
    - ok:
        call: http.get
        args: {url: "https://api.test/a"}
        result: a
    - bad:
        try:
          call: http.get
          args: {url: "https://api.test/b"}
        except:
          as: e
          steps:
            - keep:
                return: ["\${a}", "\${e}"]
`,
      `tests:
  - name: shapes
    mocks:
      - call: http.get
        args: {url: "https://api.test/a"}
        response: {code: 200, headers: {Content-Type: application/json, X-Trace: t1}, body: {n: 1}}
      - call: http.get
        response: {code: 503, headers: {Retry-After: "2"}, body: overloaded}
    expect:
      result:
        - body: {n: 1}
          code: 200
          headers: {content-type: application/json, x-trace: t1}
        - message: HTTP server responded with error code 503
          tags: [HttpError]
          code: 503
          headers: {retry-after: "2", content-type: text/plain; charset=utf-8}
          body: overloaded
`,
    );
    assert.equal(outcome(results.get('shapes')), 'passed');
  });

  it('lets a retry policy retry a mocked 503 on the virtual clock, then succeed', async () => {
    const results = await runTests(
      `main:
  steps:
    - start:
        assign:
          - t0: \${sys.now()}
    - fetch:
        try:
          call: http.get
          args: {url: "https://api.test/flaky"}
          result: r
        retry: \${http.default_retry}
    - done:
        return: '\${[r.body, sys.now() - t0 >= 1]}'
`,
      `tests:
  - name: retried
    mocks:
      - call: http.get
        outcomes:
          - response: {code: 503}
          - response: {code: 503}
          - response: {code: 200, body: {fine: true}}
    expect:
      result: [{fine: true}, true]
      calls: [{call: http.get, step: fetch, times: 3}]
  - name: gives up
    mocks:
      - call: http.get
        response: {code: 503}
    expect:
      error: {tags: [HttpError], message: HTTP server responded with error code 503}
      calls: [{call: http.get, times: 6}]
`,
    );
    assert.equal(outcome(results.get('retried')), 'passed');
    assert.equal(outcome(results.get('gives up')), 'passed');
  });

  it('raises OperationError with the child execution as operation for a mocked failing child', async () => {
    const results = await runTests(
      `main:
  steps:
    - run_child:
        try:
          call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
          args: {workflow_id: child, argument: {n: 1}}
        except:
          as: e
          steps:
            - give:
                return: \${e}
`,
      `tests:
  - name: child fails
    mocks:
      - workflow: child
        raises: {message: no stock, tags: [ValueError]}
    expect:
      result_includes:
        message: Execution failed or cancelled.
        tags: [OperationError]
        operation:
          state: FAILED
          argument: '{"n":1}'
          error: {payload: '{"message":"no stock","tags":["ValueError"]}', context: no stock}
          workflowRevisionId: 000001-mck
`,
    );
    assert.equal(outcome(results.get('child fails')), 'passed');
  });

  it("gives a mocked child's result to run, and runs a real child from workflows: in parallel", async () => {
    const results = await runTests(
      `main:
  steps:
    - init:
        assign:
          - out: null
    - both:
        parallel:
          shared: [out]
          branches:
            - one:
                steps:
                  - a:
                      call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
                      args: {workflow_id: mocked}
                      result: ra
                  - keep_a:
                      assign:
                        - out: \${ra}
            - two:
                steps:
                  - b:
                      call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
                      args: {workflow_id: real, argument: {n: 4}}
                      result: rb
    - done:
        return: \${out}
`,
      `workflows: [children]
tests:
  - name: children
    mocks:
      - workflow: mocked
        returns: {from: mock}
    expect:
      result: {from: mock}
      calls: [{workflow: real, args: {argument: {n: 4}}, times: 1}, {call: sys.sleep, args: {seconds: 5}}]
`,
      {
        'children/real.workflows.yaml': `main:
  params: [args]
  steps:
    - wait:
        call: sys.sleep
        args: {seconds: 5}
    - done:
        return: \${args.n * 2}
`,
      },
    );
    assert.equal(outcome(results.get('children')), 'passed');
  });
});
