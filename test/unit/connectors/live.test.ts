import { deepStrictEqual, strictEqual } from 'assert';
import { Emulator } from '../../../src/emulator';
import { startFakeGoogleApi, type FakeGoogleApi } from './fakeGoogleApi';

/** Runs `steps` (YAML lines under `main: steps:`) and returns the outcome as data. */
async function run(emu: Emulator, steps: string): Promise<{ state: string; value: unknown; seconds: number }> {
  const source = `main:\n  steps:\n${steps}`;
  emu.deploy('w', source);
  const started = emu.run('w');
  const record = await emu.wait(String(started.name));
  const value = record.state === 'SUCCEEDED' ? JSON.parse(String(record.result)) : JSON.parse(String(record.error?.payload));
  return { state: record.state, value, seconds: ((record.endTime ?? 0) - record.startTime) / 1000 };
}

/** A step calling `name` with `args` (YAML flow map), returning its result or the caught error. */
function call(name: string, args: string): string {
  return [
    '    - t:',
    '        try:',
    `          call: ${name}`,
    `          args: ${args}`,
    '          result: r',
    '        except:',
    '          as: e',
    '          steps:',
    '            - failed:',
    '                return: ${e}',
    '    - done:',
    '        return: ${r}',
    '',
  ].join('\n');
}

describe('live connectors against a fake Google API on loopback (virtual clock)', () => {
  let api: FakeGoogleApi;
  let emu: Emulator;
  let log: string[];
  beforeEach(async () => {
    api = await startFakeGoogleApi();
    log = [];
    emu = new Emulator({ clock: 'virtual', liveConnectors: { endpoint: api.url, log: (l) => log.push(l.replace(/\(\d+ ms\)/, '(N ms)')), requestTimeoutMs: 500 } });
  });
  afterEach(async () => {
    await emu.close();
    await api.close();
  });

  it('expands the URL template, sends query parameters and no credentials, and logs the call', async () => {
    api.on('GET /storage/v1/b/my%20bucket/o/dir%2Ffile.txt?alt=media&ifGenerationMatch=3', { status: 200, json: { name: 'dir/file.txt' } });
    const out = await run(emu, call('googleapis.storage.v1.objects.get', '{bucket: "my bucket", object: dir/file.txt, alt: media, ifGenerationMatch: 3}'));
    deepStrictEqual(out.value, { name: 'dir/file.txt' });
    strictEqual(api.requests[0].authorization, undefined);
    deepStrictEqual(log, [`connector: GET ${api.url}/storage/v1/b/my%20bucket/o/dir%2Ffile.txt?alt=media&ifGenerationMatch=3 → 200 (N ms)`]);
  });

  it('keeps slashes in reserved expansion and sends the body as JSON', async () => {
    api.on('POST /v1/projects/p/topics/t:publish', { status: 200, json: { messageIds: ['1'] } });
    const out = await run(emu, call('googleapis.pubsub.v1.projects.topics.publish', '{topic: projects/p/topics/t, body: {messages: [{data: aGk=}]}}'));
    deepStrictEqual(out.value, { messageIds: ['1'] });
    deepStrictEqual(JSON.parse(api.requests[0].body), { messages: [{ data: 'aGk=' }] });
  });

  it('retries a 503 of a GET with the default backoff, then returns the 200', async () => {
    api.on('GET /storage/v1/b/b', { status: 503, json: { error: { code: 503, message: 'busy' } } }, { status: 503 }, { status: 200, json: { name: 'b' } });
    const out = await run(emu, call('googleapis.storage.v1.buckets.get', '{bucket: b}'));
    deepStrictEqual(out, { state: 'SUCCEEDED', value: { name: 'b' }, seconds: 2.25 });
    strictEqual(api.requests.length, 3);
  });

  it('does not retry a 502 of a POST (non-idempotent policy) and raises an HttpError', async () => {
    api.on('POST /storage/v1/b?project=p', { status: 502, json: { error: { code: 502, message: 'bad gateway' } } });
    const out = await run(emu, call('googleapis.storage.v1.buckets.insert', '{project: p, body: {name: b}}'));
    strictEqual(api.requests.length, 1);
    strictEqual((out.value as { code: number }).code, 502);
  });

  it('raises a 403 as an HttpError map with code, message, body, headers and tags', async () => {
    api.on('GET /storage/v1/b/b', { status: 403, json: { error: { code: 403, message: 'The caller does not have permission' } }, headers: { 'x-test': 'yes' } });
    const out = await run(emu, call('googleapis.storage.v1.buckets.get', '{bucket: b}'));
    const e = out.value as Record<string, unknown>;
    deepStrictEqual(
      { code: e.code, message: e.message, body: e.body, tags: e.tags, header: (e.headers as Record<string, string>)['x-test'] },
      {
        code: 403,
        message: 'HTTP server responded with error code 403: The caller does not have permission',
        body: { error: { code: 403, message: 'The caller does not have permission' } },
        tags: ['HttpError'],
        header: 'yes',
      },
    );
  });

  it('polls a BigQuery job to DONE on the default polling policy and returns the finished job', async () => {
    const link = `${'https://bigquery.googleapis.com'}/bigquery/v2/projects/p/jobs/j1?location=US`;
    const job = (state: string) => ({ kind: 'bigquery#job', selfLink: link, jobReference: { jobId: 'j1' }, status: { state } });
    api.on('POST /bigquery/v2/projects/p/jobs', { status: 200, json: job('RUNNING') });
    api.on('GET /bigquery/v2/projects/p/jobs/j1?location=US', { status: 200, json: job('RUNNING') }, { status: 200, json: job('RUNNING') }, { status: 200, json: job('DONE') });
    const out = await run(emu, call('googleapis.bigquery.v2.jobs.insert', '{projectId: p, body: {configuration: {query: {query: "SELECT 1"}}}}'));
    deepStrictEqual(out, { state: 'SUCCEEDED', value: job('DONE'), seconds: 1 + 1.25 + 1.5625 });
    deepStrictEqual(
      api.requests.map((r) => `${r.method} ${r.url}`),
      ['POST /bigquery/v2/projects/p/jobs', ...Array(3).fill('GET /bigquery/v2/projects/p/jobs/j1?location=US')],
    );
  });

  it('raises an OperationError with the operation when a Compute operation ends in error', async () => {
    const op = (status: string, error?: unknown) => ({ kind: 'compute#operation', name: 'op1', status, selfLink: 'https://compute.googleapis.com/compute/v1/projects/p/zones/z/operations/op1', ...(error ? { error } : {}) });
    const failed = op('DONE', { errors: [{ code: 'QUOTA_EXCEEDED', message: 'Quota CPUS exceeded' }] });
    api.on('POST /compute/v1/projects/p/zones/z/instances/i/stop', { status: 200, json: op('RUNNING') });
    api.on('GET /compute/v1/projects/p/zones/z/operations/op1', { status: 200, json: failed });
    const out = await run(emu, call('googleapis.compute.v1.instances.stop', '{project: p, zone: z, instance: i}'));
    deepStrictEqual(out.value, {
      message: 'googleapis.compute.v1.instances.stop: the long-running operation failed: Quota CPUS exceeded',
      tags: ['OperationError'],
      operation: failed,
    });
  });

  it('polls a Vertex AI job at its resource name to JOB_STATE_SUCCEEDED, and reports a failed one', async () => {
    const job = (state: string, error?: unknown) => ({ name: 'projects/p/locations/us-central1/customJobs/7', state, ...(error ? { error } : {}) });
    api.on('POST /v1/projects/p/locations/us-central1/customJobs', { status: 200, json: job('JOB_STATE_PENDING') });
    api.on('GET /v1/projects/p/locations/us-central1/customJobs/7', { status: 200, json: job('JOB_STATE_RUNNING') }, { status: 200, json: job('JOB_STATE_SUCCEEDED') });
    const args = '{parent: projects/p/locations/us-central1, region: us-central1, body: {displayName: j}}';
    const out = await run(emu, call('googleapis.aiplatform.v1.projects.locations.customJobs.create', args));
    deepStrictEqual(out.value, job('JOB_STATE_SUCCEEDED'));
    api.on('GET /v1/projects/p/locations/us-central1/customJobs/7', { status: 200, json: job('JOB_STATE_FAILED', { code: 13, message: 'replica crashed' }) });
    const failed = await run(emu, call('googleapis.aiplatform.v1.projects.locations.customJobs.create', args));
    deepStrictEqual(failed.value, {
      message: 'googleapis.aiplatform.v1.projects.locations.customJobs.create: the long-running operation failed: replica crashed',
      tags: ['OperationError'],
      operation: job('JOB_STATE_FAILED', { code: 13, message: 'replica crashed' }),
    });
  });

  it('returns the first response without polling when skip_polling is true', async () => {
    const running = { name: 'operations/o1', done: false };
    api.on('POST /v1/projects/p/locations/l/workflows?workflowId=w', { status: 200, json: running });
    const out = await run(emu, call('googleapis.workflows.v1.projects.locations.workflows.create', '{parent: projects/p/locations/l, workflowId: w, body: {}, connector_params: {skip_polling: true}}'));
    deepStrictEqual(out.value, running);
    strictEqual(api.requests.length, 1);
  });

  it('polls a longrunning operation at its name and raises TimeoutError after connector_params.timeout', async () => {
    api.on('POST /v1/projects/p/locations/l/workflows?workflowId=w', { status: 200, json: { name: 'projects/p/locations/l/operations/o1', done: false } });
    api.on('GET /v1/projects/p/locations/l/operations/o1', { status: 200, json: { name: 'projects/p/locations/l/operations/o1', done: false } });
    const out = await run(emu, call('googleapis.workflows.v1.projects.locations.workflows.create', '{parent: projects/p/locations/l, workflowId: w, body: {}, connector_params: {timeout: 10, polling_policy: {initial_delay: 2, multiplier: 2, max_delay: 3}}}'));
    deepStrictEqual(out.value, {
      message: 'googleapis.workflows.v1.projects.locations.workflows.create: the long-running operation did not finish within the connector timeout of 10 s',
      tags: ['TimeoutError'],
    });
    // Polls after 2 s, 4 s (2 + 2) and 7 s (+3); the next at 10 s would pass the deadline.
    strictEqual(api.requests.length, 4);
  });

  it('raises ResponseTypeError when a poll answers something that is not an operation', async () => {
    api.on('POST /v1/projects/p/locations/l/workflows?workflowId=w', { status: 200, json: { name: 'projects/p/locations/l/operations/o1' } });
    api.on('GET /v1/projects/p/locations/l/operations/o1', { status: 200, json: ['not', 'an', 'operation'] });
    const out = await run(emu, call('googleapis.workflows.v1.projects.locations.workflows.create', '{parent: projects/p/locations/l, workflowId: w, body: {}}'));
    deepStrictEqual(out.value, {
      message: "googleapis.workflows.v1.projects.locations.workflows.create: the long-running operation's answer has the wrong type: the operation is not a JSON object",
      tags: ['ResponseTypeError'],
    });
  });

  describe('fake-API faults', () => {
    it('raises ResponseTypeError on a 200 answer that is not JSON', async () => {
      api.on('GET /storage/v1/b/b', { status: 200, text: '<html>oops' });
      const out = await run(emu, call('googleapis.storage.v1.buckets.get', '{bucket: b}'));
      deepStrictEqual(out.value, { message: `GET ${api.url}/storage/v1/b/b answered 200 with a body that is not JSON: "<html>oops"`, tags: ['ResponseTypeError'] });
    });

    it('raises TimeoutError on silence, after retrying a GET', async () => {
      api.on('GET /storage/v1/b/b', { silence: true });
      const out = await run(emu, call('googleapis.storage.v1.buckets.get', '{bucket: b}'));
      strictEqual((out.value as { tags: string[] }).tags[0], 'TimeoutError');
      strictEqual(api.requests.length, 6);
    });

    it('raises ConnectionFailedError when nothing listens, and a TypeError for a wrong argument type', async () => {
      await api.close();
      const out = await run(emu, call('googleapis.storage.v1.buckets.get', '{bucket: b}'));
      strictEqual((out.value as { tags: string[] }).tags[0], 'ConnectionFailedError');
      const typed = await run(emu, call('googleapis.storage.v1.buckets.get', '{bucket: [1, 2]}'));
      deepStrictEqual(typed.value, { message: "googleapis.storage.v1.buckets.get: argument 'bucket' must be a string, number or boolean, got a list", tags: ['TypeError'] });
      api = await startFakeGoogleApi();
    });

    it('reports an empty path parameter and a bad connector_params value as ValueError', async () => {
      const missing = await run(emu, call('googleapis.storage.v1.buckets.get', '{bucket: ""}'));
      deepStrictEqual(missing.value, { message: "googleapis.storage.v1.buckets.get: argument 'bucket' must not be empty", tags: ['ValueError'] });
      const negative = await run(emu, call('googleapis.storage.v1.buckets.get', '{bucket: b, connector_params: {timeout: "${-1}"}}'));
      deepStrictEqual(negative.value, { message: 'googleapis.storage.v1.buckets.get: connector_params timeout must be positive, got -1', tags: ['ValueError'] });
    });
  });

  it('runs the Secret Manager helpers over versions.access and addVersion', async () => {
    api.on('GET /v1/projects/local-project/secrets/s/versions/latest:access', { status: 200, json: { payload: { data: Buffer.from('hunter2').toString('base64') } } });
    const out = await run(emu, call('googleapis.secretmanager.v1.projects.secrets.versions.accessString', '{secret_id: s}'));
    strictEqual(out.value, 'hunter2');
    api.on('POST /v1/projects/p/secrets/s:addVersion', { status: 200, json: { name: 'projects/p/secrets/s/versions/2' } });
    const added = await run(emu, call('googleapis.secretmanager.v1.projects.secrets.addVersionString', '{secret_id: s, project_id: p, data: hi}'));
    deepStrictEqual(added.value, { name: 'projects/p/secrets/s/versions/2' });
    deepStrictEqual(JSON.parse(api.requests[1].body), { payload: { data: 'aGk=' } });
  });

  it('calls a connector inside an expression with positional arguments, as Google\'s Secret Manager sample does', async () => {
    api.on('GET /v1/projects/p/secrets/s/versions/3:access', { status: 200, json: { payload: { data: Buffer.from('v3').toString('base64') } } });
    const out = await run(emu, '    - r:\n        return: ${googleapis.secretmanager.v1.projects.secrets.versions.accessString("s", "3", "p")}\n');
    deepStrictEqual(out.value, 'v3');
  });
});
