import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/location';
import { parseWorkflow } from '../../../src/core/model/parse';
import { checkTargets, parseTestFile, TEST_MESSAGES } from '../../../src/core/testing';

/** Diagnostics as `line:col code message` (1-based), the way a reader checks them. */
function problems(text: string): string[] {
  const lines = new LineIndex(text);
  return parseTestFile(text).diagnostics.map((d) => {
    const at = lines.positionAt(d.span.start);
    return `${at.line + 1}:${at.character + 1} ${d.code} ${d.message}`;
  });
}

describe('test-file parser', () => {
  it('reads the whole format into the model', () => {
    const { file, diagnostics } = parseTestFile(`workflow: checkout.workflows.yaml
workflows: [../children]
env: {GOOGLE_CLOUD_PROJECT_ID: demo, RETRIES: 3}
now: "2026-03-01T10:00:00Z"
mocks:
  - call: http.get
    response: {code: 200, headers: {Content-Type: application/json}, body: {ok: true}}
tests:
  - name: pays
    argument: {order: 7}
    mocks:
      - workflow: payment
        step: pay
        args: {argument: {order: 7}}
        outcomes: [{raises: boom}, {returns: 12}]
    expect:
      result: {paid: 12}
      steps: [start, pay]
      calls: [{workflow: payment, times: 2}]
      logs_include: [paid]
  - name: fails
    expect:
      error: {tags: [HttpError], message_includes: "503"}
`);
    assert.deepEqual(diagnostics, []);
    assert.equal(file.workflow?.value, 'checkout.workflows.yaml');
    assert.deepEqual(file.workflows.map((w) => w.value), ['../children']);
    assert.deepEqual([...file.env], [['GOOGLE_CLOUD_PROJECT_ID', 'demo'], ['RETRIES', '3']]);
    assert.equal(file.nowMs, Date.UTC(2026, 2, 1, 10));
    assert.deepEqual(file.mocks[0].outcomes.map((o) => o.kind === 'response' && o.response), [{ code: 200, headers: [['Content-Type', 'application/json']], body: new Map([['ok', true]]) }]);
    const [pays, fails] = file.tests;
    assert.equal(pays.name, 'pays');
    assert.deepEqual(pays.argument, new Map([['order', 7n]]));
    assert.deepEqual(pays.mocks[0].outcomes.map((o) => [o.kind, o.kind === 'response' ? null : o.value]), [['raises', 'boom'], ['returns', 12n]]);
    assert.equal(pays.mocks[0].step?.value, 'pay');
    assert.deepEqual(pays.expect.steps, ['start', 'pay']);
    assert.equal(pays.expect.calls?.[0].times, 2);
    assert.deepEqual(pays.expect.logsInclude, ['paid']);
    assert.equal(pays.expect.state, 'SUCCEEDED');
    // An expected error means FAILED without saying so.
    assert.equal(fails.expect.state, 'FAILED');
    assert.deepEqual(fails.expect.error, { tags: ['HttpError'], messageIncludes: '503' });
  });

  it('reads a JSON test file the same way', () => {
    const { file, diagnostics } = parseTestFile('{"tests": [{"name": "t", "argument": [1, 1.5], "expect": {"state": "FAILED"}}]}');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(file.tests[0].argument, [1n, 1.5]);
    assert.equal(file.tests[0].expect.state, 'FAILED');
  });

  it('reports unknown keys at every level with the keys it expects', () => {
    assert.deepEqual(
      problems(`workflow: a.yaml
mock: []
tests:
  - name: t
    argumnet: 1
    mocks:
      - call: sys.now
        return: 1
    expect:
      results: 1
      error: {tag: [x]}
`),
      [
        `2:1 test-unknown-key ${TEST_MESSAGES['test-unknown-key'].message('mock', 'a test file', 'workflow, workflows, env, now, mocks, tests')}`,
        `5:5 test-unknown-key Unknown key 'argumnet' in a test; expected one of: name, argument, mocks, expect.`,
        `8:9 test-unknown-key Unknown key 'return' in a mock; expected one of: call, workflow, step, args, returns, raises, response, outcomes.`,
        '7:9 test-mock-outcome A mock needs exactly one of `returns:`, `raises:`, `response:` or `outcomes:`.',
        "10:7 test-unknown-key Unknown key 'results' in `expect`; expected one of: state, result, result_includes, error, steps, calls, logs_include.",
        "11:15 test-unknown-key Unknown key 'tag' in `error`; expected one of: tags, message, message_includes.",
      ],
    );
  });

  it('reports values of the wrong type where they are written', () => {
    assert.deepEqual(
      problems(`workflows: ../x
env: {A: [1]}
now: yesterday
tests:
  - name: 5
  - name: ok
    expect:
      state: DONE
      steps: step
      calls: [{call: http.get, times: -1}]
`),
      [
        '1:12 test-expected-list Expected a list for `workflows`.',
        "2:10 test-env-value The value of 'A' must be a string, number or boolean: sys.get_env returns text.",
        "3:6 test-invalid-now 'yesterday' is not an RFC 3339 timestamp such as 2026-01-01T00:00:00Z.",
        '5:11 test-expected-string Expected a string for `name`.',
        "8:14 test-invalid-state Unknown state 'DONE': expected SUCCEEDED, FAILED or CANCELLED.",
        '9:14 test-expected-list Expected a list for `steps`.',
        '10:39 test-expected-integer Expected an integer from 0 to 1000000 for `times`.',
      ],
    );
  });

  it('reports mocks that cannot answer: no target, two targets, two outcomes, a response for a non-HTTP call', () => {
    assert.deepEqual(
      problems(`mocks:
  - returns: 1
  - call: sys.now
    workflow: child
    returns: 1
  - call: sys.now
    returns: 1
    raises: x
  - call: uuid.generate
    response: {code: 200}
  - call: http.get
    response: {code: 700}
  - call: http.get
    raises: 12
  - call: http.get
    outcomes: []
tests: []
`),
      [
        '2:5 test-mock-target A mock needs exactly one of `call:` (a call target) or `workflow:` (a child workflow ID).',
        '3:5 test-mock-target A mock needs exactly one of `call:` (a call target) or `workflow:` (a child workflow ID).',
        '6:5 test-mock-outcome A mock needs exactly one of `returns:`, `raises:`, `response:` or `outcomes:`.',
        "10:5 test-response-not-http `response:` answers http.* calls only; 'uuid.generate' gets `returns:` or `raises:`.",
        '12:22 test-expected-integer Expected an integer from 100 to 599 for `code`.',
        '14:13 test-raises-value `raises:` takes a map (an error such as {message, tags}) or a string, as `raise:` does.',
        '16:5 test-expected-list Expected a list for `outcomes` (at least one outcome).',
      ],
    );
  });

  it('reports a duplicate test name and a test without a name, and keeps the other tests', () => {
    const text = 'tests:\n  - name: a\n  - name: a\n  - argument: 1\n  - name: b\n';
    assert.deepEqual(problems(text), [
      "3:11 test-duplicate-name Another test is already named 'a': test names must be unique in a file.",
      "4:5 test-missing-key A test needs 'name'.",
    ]);
    assert.deepEqual(parseTestFile(text).file.tests.map((t) => t.name), ['a', 'b']);
  });

  it('reports YAML syntax errors, an empty file and a file without tests', () => {
    assert.deepEqual(problems('tests: [\n'), [
      '2:1 test-yaml-syntax YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    assert.deepEqual(problems(''), ['1:1 test-empty The test file is empty: expected a map with `tests:`.']);
    assert.deepEqual(problems('workflow: a.yaml\n'), ['1:1 test-no-tests This file has no tests.']);
    assert.deepEqual(problems('- 1\n'), ['1:1 test-expected-map Expected a map for a test file.']);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    const text = `${levels.map((l) => `# ${l}`).join('\n')}\ntests:\n  - name: bomb\n    argument:\n${levels.map((l) => `      ${l}`).join('\n')}\n`;
    const { diagnostics } = parseTestFile(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['test-yaml-syntax']);
    assert.match(diagnostics[0].message, /more than 200000 values/);
  });
});

describe('test-file checks against the tested workflow', () => {
  it('warns about a call target that does not exist and a step the workflow does not have', () => {
    const workflow = parseWorkflow('main:\n  steps:\n    - fetch:\n        call: http.get\n        args: {url: "https://x.test"}\nhelper:\n  steps:\n    - inner:\n        return: 1\n');
    const text = `mocks:
  - call: http.gett
    returns: 1
  - call: helper
    step: inner
    returns: 1
  - call: sys.get_env
    args: {name: X, nmae: Y}
    returns: 1
  - call: googleapis.storage.v1.objects.get
    step: fech
    returns: {}
tests:
  - name: t
    expect:
      calls: [{call: sys.nap, step: fetch}]
`;
    const lines = new LineIndex(text);
    assert.deepEqual(
      checkTargets(parseTestFile(text).file, workflow).map((d) => `${lines.positionAt(d.span.start).line + 1} ${d.severity} ${d.code} ${d.message}`),
      [
        "2 warning test-unknown-call-target 'http.gett' is not a subworkflow, a standard-library function or a connector: this never matches a call.",
        "8 warning test-unknown-arg 'sys.get_env' takes no argument 'nmae' (it takes: name, default): this never matches a call.",
        "11 warning test-unknown-step The tested workflow has no step 'fech': this never matches a call.",
        "16 warning test-unknown-call-target 'sys.nap' is not a subworkflow, a standard-library function or a connector: this never matches a call.",
      ],
    );
  });

  it('checks connector mocks against the connector catalogue: the method must exist and take the args keys', () => {
    const workflow = parseWorkflow('main:\n  steps:\n    - read:\n        call: googleapis.storage.v1.objects.get\n        args: {bucket: b, object: o}\n');
    const text = `mocks:
  - call: googleapis.storage.v1.objects.gett
    returns: {}
  - call: googleapis.storage.v1.objects.get
    args: {bucket: b, objekt: o}
    returns: {}
  - call: googleapis.storage.v1.objects.get
    args: {bucket: b, object: o, connector_params: {timeout: 5}}
    returns: {}
tests:
  - name: t
`;
    const lines = new LineIndex(text);
    assert.deepEqual(
      checkTargets(parseTestFile(text).file, workflow).map((d) => `${lines.positionAt(d.span.start).line + 1} ${d.code} ${d.message.split(' (it takes')[0]}`),
      [
        "2 test-unknown-call-target 'googleapis.storage.v1.objects.gett' is not a subworkflow, a standard-library function or a connector: this never matches a call.",
        "5 test-unknown-arg 'googleapis.storage.v1.objects.get' takes no argument 'objekt'",
      ],
    );
  });
});
