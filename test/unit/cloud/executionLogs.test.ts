import * as assert from 'node:assert/strict';
import { createCloudClient } from '../../../src/cloud';
import { parseLogEntries } from '../../../src/cloud/executionLogs';
import { parseStepEntriesPage } from '../../../src/cloud/stepEntries';
import { startFakeGoogleApi } from '../support/fakeGoogleApi';
import type { FakeGoogleApi } from '../support/fakeGoogleApi';

const EXECUTION = 'projects/key-project/locations/europe-west1/workflows/w/executions/e-1';
const FILTER = 'logName="projects/key-project/logs/Workflows" AND labels."workflows.googleapis.com/execution_id"="e-1"';

describe('cloud layer: execution logs from Cloud Logging (fake Google API on loopback)', () => {
  let api: FakeGoogleApi;
  let answer: { status: number; body: string };
  const seen: { method?: string; url?: string; body: string; bearer: boolean }[] = [];

  before(async () => {
    api = await startFakeGoogleApi((req, body, res) => {
      seen.push({ method: req.method, url: req.url, body, bearer: /^Bearer \S+/.test(String(req.headers.authorization)) });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });

  after(async () => {
    await api.close();
  });

  const client = () =>
    createCloudClient({ kind: 'cloud', location: 'europe-west1', endpoint: { host: '127.0.0.1', port: api.port, protocol: 'http' } }, { timeoutMs: 5000, retry: { attempts: 1 } });

  it("asks entries:list for the execution's Workflows log lines, oldest first, with a bearer token", async () => {
    seen.length = 0;
    answer = {
      status: 200,
      body: '{"entries":[{"timestamp":"2026-01-01T00:00:01.5Z","severity":"INFO","textPayload":"hi"},{"timestamp":"2026-01-01T00:00:02Z","severity":"ERROR","jsonPayload":{"n":9007199254740993}}]}',
    };
    const c = client();
    assert.deepEqual(await c.listExecutionLogs(EXECUTION), {
      lines: [
        { time: '2026-01-01T00:00:01.500Z', severity: 'INFO', text: 'hi' },
        { time: '2026-01-01T00:00:02.000Z', severity: 'ERROR', json: '{"n":9007199254740993}' },
      ],
    });
    await c.close();
    assert.deepEqual(
      seen.map((r) => [r.method, r.url, JSON.parse(r.body), r.bearer]),
      [['POST', '/v2/entries:list', { resourceNames: ['projects/key-project'], filter: FILTER, orderBy: 'timestamp asc', pageSize: 1000 }, true]],
    );
  });

  it('says why the lines cannot be read and links the Logs Explorer when Cloud Logging refuses', async () => {
    answer = { status: 403, body: '{"error":{"code":403,"message":"Permission \'logging.logEntries.list\' denied","status":"PERMISSION_DENIED"}}' };
    const c = client();
    const logs = await c.listExecutionLogs(EXECUTION);
    await c.close();
    assert.deepEqual(logs.lines, []);
    assert.match(String(logs.unavailable?.reason), /^Cloud Logging could not be read: .*logging\.logEntries\.list/);
    assert.equal(logs.unavailable?.consoleUrl, `https://console.cloud.google.com/logs/query;query=${encodeURIComponent(FILTER)}?project=key-project`);
  });

  it('reads malformed answers as clear errors or skips malformed entries, never crashing', () => {
    assert.throws(() => parseLogEntries('{"entries": [', 'Cloud Logging'), /^Error: The Cloud Logging answer is not valid JSON\.$/);
    assert.throws(() => parseLogEntries('[]', 'Cloud Logging'), /^Error: The Cloud Logging answer is not a JSON object\.$/);
    assert.deepEqual(parseLogEntries('{"entries": [1, {"severity": 3, "timestamp": "never"}, {"textPayload": "x"}], "droppedCount": "2"}', 'logEntries'), {
      lines: [
        { time: '', severity: 'DEFAULT', text: '' },
        { time: '', severity: 'DEFAULT', text: 'x' },
      ],
      dropped: 2,
    });
  });
});

describe('cloud layer: reading step entry and log pages never crashes (fuzz)', () => {
  it('answers 3,000 random and mutated bodies with lines and entries, or one clear error', () => {
    let seed = 11;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const seeds = [
      '{"entries":[{"timestamp":"2026-01-01T00:00:00Z","severity":"INFO","textPayload":"hi"},{"jsonPayload":{"n":9007199254740993}}],"nextPageToken":"t"}',
      '{"stepEntries":[{"entryId":"1","step":"a","stepType":"STEP_ASSIGN","state":"STATE_SUCCEEDED","variableData":{"variables":{"x":1}},"stepEntryMetadata":{"expectedIteration":"3"}}]}',
    ];
    const pieces = ['{', '}', '[', ']', '"', ':', ',', 'null', '1e999', '-0', '"entries"', '"stepEntries"', '"variableData"', '{"variables":7}', '\\u0000', '9223372036854775808'];
    const clear = /^The (Cloud Logging|stepEntries) answer is not (valid JSON|a JSON object)\.$/;
    for (let i = 0; i < 3000; i++) {
      let text = seeds[i % 2];
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const at = Math.floor(random() * text.length);
        text = random() < 0.5 ? text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
      }
      for (const parse of [() => parseLogEntries(text, 'Cloud Logging'), () => parseStepEntriesPage(text)]) {
        try {
          const page = parse();
          assert.ok(Array.isArray('lines' in page ? page.lines : page.items));
        } catch (err) {
          assert.ok(err instanceof Error && clear.test(err.message), `${String(err)} for ${JSON.stringify(text)}`);
        }
      }
    }
  });
});
