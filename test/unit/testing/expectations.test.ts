import * as assert from 'node:assert/strict';
import { outcome, runTests } from './support';

const WORKFLOW = `main:
  params: [args]
  steps:
    - greet:
        call: sys.log
        args: {text: '\${"hello " + args.who}'}
    - check:
        switch:
          - condition: \${args.who == "bad"}
            raise: {message: "bad caller: nope", tags: [ValueError, Custom]}
    - done:
        return: {who: \${args.who}, n: 2, list: [1, 2]}
`;

describe('workflow tests: expectations', () => {
  it('passes when every kind of expectation holds', async () => {
    const results = await runTests(
      WORKFLOW,
      `tests:
  - name: all kinds
    argument: {who: ann}
    expect:
      state: SUCCEEDED
      result: {who: ann, n: 2.0, list: [1, 2]}
      result_includes: {who: ann}
      steps: [greet, done]
      calls: [{call: sys.log, step: greet, args: {text: hello ann}, times: 1}]
      logs_include: [hello]
  - name: failure kinds
    argument: {who: bad}
    expect:
      error: {tags: [Custom], message: "bad caller: nope", message_includes: nope}
`,
    );
    assert.deepEqual([...results.values()].map(outcome), ['passed', 'passed']);
  });

  it('reports expected versus actual for each failed expectation, and where the run ended', async () => {
    const results = await runTests(
      WORKFLOW,
      `tests:
  - name: wrong result
    argument: {who: ann}
    expect:
      result: {who: bob, n: 2, list: [1, 3], extra: true}
  - name: wrong state
    argument: {who: bad}
  - name: wrong error, steps, calls and logs
    argument: {who: bad}
    expect:
      error: {tags: [HttpError], message: nope, message_includes: zzz}
      steps: [check, greet]
      calls: [{call: sys.log, times: 2}, {call: http.get}]
      logs_include: [goodbye]
`,
    );
    assert.equal(
      outcome(results.get('wrong result')),
      `failed: result differs:
  $.who: expected "bob", got "ann"
  $.list[1]: expected 3, got 2
  $.extra: missing (expected true)
The run ended at step "done" (flow.workflows.yaml:11:7).`,
    );
    assert.equal(
      outcome(results.get('wrong state')),
      `failed: expected state SUCCEEDED, got FAILED with error {"message": "bad caller: nope", "tags": ["ValueError", "Custom"]}
The run ended at step "check" (flow.workflows.yaml:7:7).`,
    );
    assert.equal(
      outcome(results.get('wrong error, steps, calls and logs')),
      `failed: error tags: expected ["HttpError"] to be present, got ["ValueError","Custom"]
error message: expected "nope", got "bad caller: nope"
error message: expected it to include "zzz", got "bad caller: nope"
steps: "greet" ran, but not after the steps before it in the list; steps that ran: greet, check
calls: expected call sys.log 2 times, got 1; calls of that target: step "greet" args {"text": "hello bad"}
calls: expected call http.get at least once, got 0
logs_include: no sys.log text contains "goodbye"; logged: ["hello bad"]
The run ended at step "check" (flow.workflows.yaml:7:7).`,
    );
  });

  it('counts step coverage: each step once per run, loops per iteration, untaken branches zero', async () => {
    const results = await runTests(
      `main:
  steps:
    - loop:
        for:
          value: i
          range: [1, 3]
          steps:
            - body:
                assign:
                  - x: \${i}
    - pick:
        switch:
          - condition: false
            next: never
    - finish:
        return: 1
    - never:
        return: 2
`,
      'tests:\n  - name: run\n    expect: {result: 1}\n',
    );
    const run = results.get('run');
    assert.equal(outcome(run), 'passed');
    assert.deepEqual(
      run?.coverage.result().flatMap((f) => f.steps.map((s) => `${s.line + 1} ${s.step} ${s.count}`)),
      ['3 loop 1', '8 body 3', '11 pick 1', '15 finish 1', '17 never 0'],
    );
  });
});
