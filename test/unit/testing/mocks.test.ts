import * as assert from 'node:assert/strict';
import { outcome, runTests } from './support';

describe('workflow tests: mocks', () => {
  it('tries the test\'s mocks before the file\'s, and the first match wins', async () => {
    const results = await runTests(
      `main:
  steps:
    - get:
        call: sys.get_env
        args: {name: WHO}
        result: who
    - done:
        return: \${who}
`,
      `mocks:
  - call: sys.get_env
    returns: file
tests:
  - name: file mock
    expect: {result: file}
  - name: test mock first
    mocks:
      - call: sys.get_env
        returns: first
      - call: sys.get_env
        returns: second
    expect: {result: first}
`,
    );
    assert.deepEqual([...results.values()].map(outcome), ['passed', 'passed']);
  });

  it('narrows by step and by a partial args match (maps recursively, lists whole)', async () => {
    const results = await runTests(
      `main:
  steps:
    - a:
        call: http.post
        args: {url: "https://api.test/orders", body: {order: {id: 7, lines: [1, 2]}, note: x}}
        result: ra
    - b:
        call: http.post
        args: {url: "https://api.test/orders", body: {order: {id: 8, lines: [1]}}}
        result: rb
    - done:
        return: ["\${ra.body}", "\${rb.body}"]
`,
      `mocks:
  - call: http.post
    step: b
    returns: {body: from-b}
  - call: http.post
    args: {body: {order: {lines: [1, 2]}}}
    returns: {body: lines-1-2}
  - call: http.post
    args: {body: {order: {lines: [1]}}}
    returns: {body: never}
tests:
  - name: matches
    expect: {result: [lines-1-2, from-b]}
`,
    );
    assert.equal(outcome(results.get('matches')), 'passed');
  });

  it('answers successive calls with outcomes in order, the last one repeating', async () => {
    const results = await runTests(
      `main:
  steps:
    - init:
        assign:
          - got: []
          - id: null
    - loop:
        for:
          value: i
          range: [1, 4]
          steps:
            - try_one:
                try:
                  call: uuid.generate
                  result: id
                except:
                  as: e
                  steps:
                    - note:
                        assign:
                          - id: \${"error " + e.message}
            - keep:
                assign:
                    - got: \${list.concat(got, id)}
    - done:
        return: \${got}
`,
      `tests:
  - name: sequence
    mocks:
      - call: uuid.generate
        outcomes:
          - returns: a
          - raises: {message: busy, tags: [SystemError]}
          - returns: b
    expect: {result: [a, error busy, b, b]}
`,
    );
    assert.equal(outcome(results.get('sequence')), 'passed');
  });

  it('mocks standard-library functions inside expressions, and subworkflows', async () => {
    const results = await runTests(
      `main:
  steps:
    - done:
        return: '\${[sys.now(), text.to_upper("a"), price(2)]}'
price:
  params: [n]
  steps:
    - real:
        return: \${n * 100}
`,
      `tests:
  - name: expressions
    mocks:
      - call: sys.now
        returns: 1700000000
      - call: price
        args: {n: 2}
        returns: 5
    expect: {result: [1700000000, A, 5]}
`,
    );
    assert.equal(outcome(results.get('expressions')), 'passed');
  });

  it('fails the test at an unmocked external call with a mock ready to paste, even inside try/except', async () => {
    const results = await runTests(
      `main:
  steps:
    - fetch:
        try:
          call: http.get
          args: {url: "https://api.test/items", headers: {X-Key: k}}
          result: r
        except:
          as: e
          steps:
            - swallow:
                return: swallowed
`,
      `tests:
  - name: unmocked
    expect: {result: swallowed}
`,
    );
    assert.equal(
      outcome(results.get('unmocked')),
      `failed: Step "fetch" calls http.get with args {"url":"https://api.test/items","headers":{"X-Key":"k"}}, and no mock answers it (a test never reaches the network). Add a mock:
  - call: http.get
    step: fetch
    args:
      url: https://api.test/items
    response:
      code: 200
      body: {}
The run ended at step "fetch" (flow.workflows.yaml:3:7).`,
    );
  });

  it('names a connector call and an unknown child workflow in the unmocked-call message', async () => {
    const results = await runTests(
      `main:
  steps:
    - read:
        call: googleapis.storage.v1.objects.get
        args: {bucket: b, object: o}
    - child:
        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
        args: {workflow_id: missing, argument: {n: 1}}
`,
      `tests:
  - name: connector
  - name: child
    mocks:
      - call: googleapis.storage.v1.objects.get
        returns: {}
`,
    );
    assert.equal(
      outcome(results.get('connector')),
      `failed: Step "read" calls googleapis.storage.v1.objects.get with args {"bucket":"b","object":"o"}, and no mock answers it (a test never reaches the network). Add a mock:
  - call: googleapis.storage.v1.objects.get
    step: read
    args:
      bucket: b
      object: o
    returns: null
The run ended at step "read" (flow.workflows.yaml:3:7).`,
    );
    assert.equal(
      outcome(results.get('child')),
      `failed: Step "child" calls googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run (child workflow "missing") with args {"workflow_id":"missing","argument":{"n":1}}, and no mock answers it (a test never reaches the network). Add a mock:
  - workflow: missing
    step: child
    args:
      argument:
        n: 1
    returns: null
The run ended at step "child" (flow.workflows.yaml:6:7).`,
    );
  });

  it('answers sys.get_env from env, and starts the virtual clock at now', async () => {
    const results = await runTests(
      `main:
  steps:
    - start:
        assign:
          - t0: \${sys.now()}
    - nap:
        call: sys.sleep
        args: {seconds: 90}
    - done:
        return: '\${[sys.get_env("GOOGLE_CLOUD_PROJECT_ID"), sys.get_env("STAGE"), time.format(t0), sys.now() - t0]}'
`,
      `env: {GOOGLE_CLOUD_PROJECT_ID: demo, STAGE: qa}
now: "2026-05-01T12:00:00Z"
tests:
  - name: env and clock
    expect: {result: [demo, qa, "2026-05-01T12:00:00Z", 90]}
`,
    );
    assert.equal(outcome(results.get('env and clock')), 'passed');
  });
});
