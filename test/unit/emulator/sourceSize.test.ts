import * as assert from 'node:assert/strict';
import { PARENT, RETURN_ONE, raw, startHarness } from './harness';
import type { Harness } from './harness';

/** `RETURN_ONE` after a comment line that brings the whole source to `bytes` UTF-8 bytes. */
function sized(bytes: number): string {
  const pad = bytes - RETURN_ONE.length - '# \n'.length;
  return `# ${'x'.repeat(pad)}\n${RETURN_ONE}`;
}

function tooLarge(bytes: number): unknown {
  return {
    error: {
      code: 400,
      message: `The workflow source is ${bytes} bytes, over the limit of 131072 bytes (128 KB).`,
      status: 'INVALID_ARGUMENT',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.BadRequest',
          fieldViolations: [{ field: 'source_contents', description: `source size ${bytes} bytes exceeds the limit of 131072 bytes` }],
        },
      ],
    },
  };
}

describe('emulator: the 128 KB source size limit', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('deploys a source of exactly 131,072 bytes', async () => {
    const source = sized(131_072);
    const [op] = await h.workflows.createWorkflow({ parent: PARENT, workflowId: 'edge', workflow: { sourceContents: source } });
    const [w] = await op.promise();
    assert.equal(w.sourceContents, source);
  });

  it('refuses a source one byte over with 400 INVALID_ARGUMENT naming the size and the limit', async () => {
    await assert.rejects(
      h.workflows.createWorkflow({ parent: PARENT, workflowId: 'big', workflow: { sourceContents: sized(131_073) } }),
      (err: { code?: number; message?: string }) => {
        assert.equal(err.code, 400);
        assert.deepEqual(JSON.parse(String(err.message)), tooLarge(131_073));
        return true;
      },
    );
  });

  it('checks the size before parsing, counts UTF-8 bytes, and refuses a patch the same way', async () => {
    await raw(`${h.emu.url}/v1/${PARENT}/workflows?workflowId=small`, 'POST', JSON.stringify({ sourceContents: RETURN_ONE }));
    // 50,000 three-byte characters in broken YAML: 150,000+ bytes, and no "failed to build".
    const source = `main: [\n# ${'€'.repeat(50_000)}\n`;
    assert.deepEqual(await raw(`${h.emu.url}/v1/${PARENT}/workflows?workflowId=broken`, 'POST', JSON.stringify({ sourceContents: source })), {
      status: 400,
      json: tooLarge(150_011),
    });
    const patch = await raw(`${h.emu.url}/v1/${PARENT}/workflows/small?updateMask=sourceContents`, 'PATCH', JSON.stringify({ sourceContents: source }));
    assert.deepEqual(patch, { status: 400, json: tooLarge(150_011) });
    const [w] = await h.workflows.getWorkflow({ name: `${PARENT}/workflows/small` });
    assert.equal(w.sourceContents, RETURN_ONE);
  });
});
