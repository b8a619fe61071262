/**
 * Runs every `test/conformance/*.workflows.yaml` on a virtual clock. Each file starts with comment
 * lines that state the expectation:
 *   # argument: <JSON>                 (optional; `$BASE_URL` is replaced by the loopback server)
 *   # expect-result: <JSON>            the whole result
 *   # expect-error: <JSON>             the whole error payload
 *   # expect-error-tags: <JSON list>   only the error's tags
 *   # limits: <JSON>                   optional overrides of the execution limits
 * Results and errors are compared as the engine's JSON codec decodes them, so integers are
 * compared exactly (JSON.parse would round 2^53 + 1). The same `$BASE_URL` substitution applies to the workflow text, for `http.*` tests. Child
 * workflows for `executions.run` are `<workflow_id>.child.yaml` beside the tests; callbacks answer
 * at once with a canned POST request.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loopbackServer, fetchHttpClient, type Loopback } from './loopback';
import { VirtualClock, type Limits } from '../../../src/engine';
import type { ConnectorHandler } from '../../../src/engine/host';
import { childConnector } from './childConnector';
import { run } from './harness';
import { decodeJson } from '../../../src/engine/json';
import type { Value } from '../../../src/engine/value';

const DIR = path.resolve(__dirname, '..', '..', 'conformance');

interface Expectation {
  argument?: unknown;
  argumentJson?: string;
  limits?: Partial<Limits>;
  result?: Value;
  error?: Value;
  errorTags?: unknown;
}

function childSource(workflowId: string): string | undefined {
  const file = path.join(DIR, `${workflowId}.child.yaml`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** Serves `events.*` callbacks: an endpoint URL, and an immediate canned POST to it. */
function withCallbacks(inner: ConnectorHandler): ConnectorHandler {
  return {
    call: async (name, args, context) => {
      if (name === 'events.create_callback_endpoint') return { url: 'https://workflowexecutions.example/callbacks/cb-1' };
      if (name === 'events.await_callback') {
        return { http_request: { method: 'POST', body: { approved: true }, headers: {}, query: {}, url: '/callbacks/cb-1' }, type: 'HTTP' };
      }
      return inner.call(name, args, context);
    },
  };
}

/**
 * JSON text as an exact value for comparison; an integral double (`2.0` in an expectation) counts
 * as the integer it equals, since JSON output does not tell them apart either.
 */
function exact(json: string): Value {
  const canonical = (v: Value): Value => {
    if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
    if (Array.isArray(v)) return v.map(canonical);
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, canonical(x)]));
    return v;
  };
  return canonical(decodeJson(json));
}

function header(text: string, base: string): Expectation {
  const out: Expectation = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const m = /^#\s*(argument|limits|expect-result|expect-error|expect-error-tags):\s*(.*)$/.exec(line);
    if (!m) continue;
    const value = JSON.parse(m[2].split('$BASE_URL').join(base));
    if (m[1] === 'argument') {
      out.argument = value;
      out.argumentJson = m[2];
    }
    else if (m[1] === 'limits') out.limits = value as Partial<Limits>;
    else if (m[1] === 'expect-result') out.result = exact(m[2]);
    else if (m[1] === 'expect-error') out.error = exact(m[2]);
    else out.errorTags = value;
  }
  return out;
}

describe('conformance suite', () => {
  let server: Loopback;
  before(async () => {
    server = await loopbackServer();
  });
  after(() => server.close());

  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.workflows.yaml')).sort();
  it('has a suite of conformance workflows', () => {
    assert.ok(files.length >= 25, `only ${files.length} files`);
  });

  for (const file of files) {
    it(`${file} gives its stated outcome`, async () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8').split('$BASE_URL').join(server.url);
      const expected = header(text, server.url);
      assert.ok('result' in expected || 'error' in expected || 'errorTags' in expected, 'file states no expectation');
      const clock = new VirtualClock();
      const connectors = withCallbacks(childConnector(childSource, clock));
      const r = await run(text, expected.argument, { argumentJson: expected.argumentJson, http: fetchHttpClient(), clock, connectors, limits: expected.limits });
      if ('result' in expected) {
        assert.equal(r.outcome.state, 'SUCCEEDED', r.outcome.state === 'SUCCEEDED' ? '' : r.outcome.error.context);
        assert.deepEqual(exact(r.outcome.result), expected.result);
      } else {
        assert.equal(r.outcome.state, 'FAILED', r.outcome.state === 'SUCCEEDED' ? r.outcome.result : '');
        if ('error' in expected) assert.deepEqual(exact(r.outcome.error.payload), expected.error);
        if ('errorTags' in expected) assert.deepEqual((r.error as { tags?: unknown }).tags, expected.errorTags);
      }
    });
  }
});
