import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/run';
import { captureCli } from './captureCli';
import { startFakeGoogleApi, type FakeGoogleApi } from '../connectors/fakeGoogleApi';

function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return captureCli(main, argv);
}

const WORKFLOW = `main:
  steps:
    - get:
        call: googleapis.storage.v1.buckets.get
        args:
          bucket: my-bucket
        result: bucket
    - done:
        return: \${bucket.name}
`;

describe('cloud-workflows run: live connectors', () => {
  let tmp: string;
  let file: string;
  let api: FakeGoogleApi;
  beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cwf-live-'));
    file = path.join(tmp, 'bucket.workflows.yaml');
    fs.writeFileSync(file, WORKFLOW);
    api = await startFakeGoogleApi();
  });
  afterEach(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await api.close();
  });

  it('sends the connector call to --connector-endpoint and logs it on stderr', async () => {
    api.on('GET /storage/v1/b/my-bucket', { status: 200, json: { name: 'my-bucket' } });
    const { code, stdout, stderr } = await cli([file, '--clock', 'virtual', '--format', 'json', '--connector-endpoint', api.url]);
    assert.equal(code, 0, stderr);
    assert.equal((JSON.parse(stdout) as { result: unknown }).result, 'my-bucket');
    assert.match(stderr, new RegExp(`^connector: GET ${api.url}/storage/v1/b/my-bucket → 200 \\(\\d+ ms\\)\\n$`));
    assert.equal(api.requests[0].authorization, undefined);
  });

  it('fails the run with both ways out when live connectors are off', async () => {
    const { code, stdout } = await cli([file, '--clock', 'virtual', '--format', 'json']);
    assert.equal(code, 1);
    assert.match(String((JSON.parse(stdout) as { error: { payload: { message: string } } }).error.payload.message), /does not run locally: mock it in a workflow test, or enable live connectors/);
    assert.equal(api.requests.length, 0);
  });

  it('refuses an endpoint that is not a loopback origin', async () => {
    for (const endpoint of ['https://example.com', 'http://127.0.0.1:9/v1', 'not a url']) {
      const { code, stderr } = await cli([file, '--connector-endpoint', endpoint]);
      assert.equal(code, 2, endpoint);
      assert.match(stderr, /--connector-endpoint must be/);
    }
  });
});
