import * as assert from 'node:assert/strict';
import { protos } from '@google-cloud/workflows';
import { PARENT, RETURN_ONE, startHarness } from './harness';
import type { Harness } from './harness';

const Workflow = protos.google.cloud.workflows.v1.Workflow;

async function deploy(h: Harness, workflowId: string, workflow: protos.google.cloud.workflows.v1.IWorkflow): Promise<Record<string, unknown>> {
  const [op] = await h.workflows.createWorkflow({ parent: PARENT, workflowId, workflow });
  const [result] = await op.promise();
  return Workflow.toObject(result as protos.google.cloud.workflows.v1.Workflow, { enums: String, longs: Number });
}

describe('emulator: Workflows v1 through the real WorkflowsClient', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('deploys through a long-running operation and returns the Workflow with its first revision', async () => {
    const w = await deploy(h, 'hello', { sourceContents: RETURN_ONE, labels: { team: 'a' }, callLogLevel: 'LOG_ERRORS_ONLY' });
    assert.equal(w.name, `${PARENT}/workflows/hello`);
    assert.match(String(w.revisionId), /^000001-[0-9a-f]{3}$/);
    assert.equal(w.state, 'ACTIVE');
    assert.deepEqual(w.labels, { team: 'a' });
    assert.equal(w.callLogLevel, 'LOG_ERRORS_ONLY');
    assert.equal(w.sourceContents, RETURN_ONE);
    const [got] = await h.workflows.getWorkflow({ name: `${PARENT}/workflows/hello` });
    assert.equal(got.revisionId, w.revisionId);
    assert.equal(got.sourceContents, RETURN_ONE);
  });

  it('refuses a second workflow with the same ID with 409 ALREADY_EXISTS', async () => {
    await deploy(h, 'twice', { sourceContents: RETURN_ONE });
    await assert.rejects(deploy(h, 'twice', { sourceContents: RETURN_ONE }), (err: { code?: number; message?: string }) => {
      assert.equal(err.code, 409);
      assert.deepEqual(JSON.parse(String(err.message)), {
        error: { code: 409, message: `Resource '${PARENT}/workflows/twice' already exists`, status: 'ALREADY_EXISTS' },
      });
      return true;
    });
  });

  it('refuses source with errors with 400 "failed to build" and each problem in the details', async () => {
    const source = 'main:\n  steps:\n    - a:\n        retrun: 2\n';
    await assert.rejects(deploy(h, 'broken', { sourceContents: source }), (err: { code?: number; message?: string }) => {
      assert.equal(err.code, 400);
      const problem = "Unknown key 'retrun' in a step. Did you mean 'return'?";
      assert.deepEqual(JSON.parse(String(err.message)), {
        error: {
          code: 400,
          message: `failed to build: 4:9: ${problem}`,
          status: 'INVALID_ARGUMENT',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: [{ field: 'source_contents', description: `4:9: unknown-key: ${problem}` }],
            },
          ],
        },
      });
      return true;
    });
  });

  it('patches only the fields named in updateMask, and makes a new revision only when the source changes', async () => {
    const first = await deploy(h, 'patched', { sourceContents: RETURN_ONE, labels: { keep: 'me' }, description: 'one' });
    const name = `${PARENT}/workflows/patched`;
    const [op1] = await h.workflows.updateWorkflow({ workflow: { name, description: 'two' }, updateMask: { paths: ['description'] } });
    const [w1] = await op1.promise();
    assert.equal(w1.revisionId, first.revisionId);
    assert.equal(w1.description, 'two');
    assert.deepEqual(w1.labels, { keep: 'me' });
    assert.equal(w1.sourceContents, RETURN_ONE);

    const source2 = RETURN_ONE.replace('1', '2');
    const [op2] = await h.workflows.updateWorkflow({ workflow: { name, sourceContents: source2 }, updateMask: { paths: ['sourceContents'] } });
    const [w2] = await op2.promise();
    assert.match(String(w2.revisionId), /^000002-[0-9a-f]{3}$/);
    assert.equal(w2.sourceContents, source2);
    assert.deepEqual(w2.labels, { keep: 'me' });
    assert.equal(w2.description, 'two');

    const [revisions] = await h.workflows.listWorkflowRevisions({ name }, { autoPaginate: false });
    assert.deepEqual(
      revisions.map((r) => [r.revisionId, r.sourceContents]),
      [
        [w2.revisionId, source2],
        [first.revisionId, RETURN_ONE],
      ],
    );
  });

  it('lists workflows a page at a time, filtered by label and ordered by name', async () => {
    for (const id of ['c', 'a', 'b', 'd']) await deploy(h, id, { sourceContents: RETURN_ONE, labels: { group: id === 'd' ? 'other' : 'main' } });
    const [page1, , raw1] = await h.workflows.listWorkflows({ parent: PARENT, pageSize: 2, filter: 'labels.group="main"', orderBy: 'name desc' }, { autoPaginate: false });
    assert.deepEqual(page1.map((w) => w.name?.split('/').pop()), ['c', 'b']);
    assert.ok(raw1?.nextPageToken);
    const [page2, , raw2] = await h.workflows.listWorkflows(
      { parent: PARENT, pageSize: 2, pageToken: raw1.nextPageToken, filter: 'labels.group="main"', orderBy: 'name desc' },
      { autoPaginate: false },
    );
    assert.deepEqual(page2.map((w) => w.name?.split('/').pop()), ['a']);
    assert.equal(raw2?.nextPageToken ?? '', '');
  });

  it('deletes a workflow through an operation; it is then not found', async () => {
    await deploy(h, 'gone', { sourceContents: RETURN_ONE });
    const name = `${PARENT}/workflows/gone`;
    const [op] = await h.workflows.deleteWorkflow({ name });
    await op.promise();
    await assert.rejects(h.workflows.getWorkflow({ name }), (err: { code?: number; message?: string }) => {
      assert.equal(err.code, 404);
      assert.deepEqual(JSON.parse(String(err.message)), { error: { code: 404, message: `Resource '${name}' was not found`, status: 'NOT_FOUND' } });
      return true;
    });
  });

  it('deploys and redeploys through the cloud layer, returning plain objects', async () => {
    const first = await h.cloud.deployWorkflow('layer', RETURN_ONE, { labels: { env: 'dev' } });
    assert.equal(first.workflowId, 'layer');
    assert.match(first.revisionId, /^000001-/);
    assert.deepEqual(first.labels, { env: 'dev' });
    assert.match(String(first.createTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const second = await h.cloud.deployWorkflow('layer', RETURN_ONE.replace('1', '3'));
    assert.match(second.revisionId, /^000002-/);
    const page = await h.cloud.listWorkflows();
    assert.deepEqual(
      page.items.map((w) => [w.workflowId, w.revisionId]),
      [['layer', second.revisionId]],
    );
  });
});
