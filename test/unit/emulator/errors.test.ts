import * as assert from 'node:assert/strict';
import { PARENT, RETURN_ONE, raw, startHarness } from './harness';
import type { Harness } from './harness';

describe('emulator: bad requests get Google-format errors', () => {
  let h: Harness;
  let base: string;
  before(async () => {
    h = await startHarness();
    base = `${h.emu.url}/v1/${PARENT}`;
    await h.cloud.deployWorkflow('known', RETURN_ONE);
  });
  after(async () => {
    await h.close();
  });

  it('answers a malformed JSON body with 400 INVALID_ARGUMENT', async () => {
    const res = await raw(`${base}/workflows?workflowId=x`, 'POST', '{"sourceContents": ');
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, {
      error: { code: 400, message: 'Invalid JSON payload received. Unexpected end of JSON input', status: 'INVALID_ARGUMENT' },
    });
  });

  it('answers a body that is not a JSON object with 400 INVALID_ARGUMENT', async () => {
    const res = await raw(`${base}/workflows?workflowId=x`, 'POST', '[1]');
    assert.deepEqual(res, {
      status: 400,
      json: { error: { code: 400, message: 'Invalid JSON payload received. The request body must be a JSON object.', status: 'INVALID_ARGUMENT' } },
    });
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const res = await raw(`${h.emu.url}/v2/nothing`, 'GET');
    assert.deepEqual(res, {
      status: 404,
      json: { error: { code: 404, message: 'No such API method: GET /v2/nothing. The emulator serves Workflows v1 and Executions v1.', status: 'NOT_FOUND' } },
    });
  });

  it('answers a wrong method on a known route with 405', async () => {
    const res = await raw(`${base}/workflows/known`, 'POST', '{}');
    assert.deepEqual(res, {
      status: 405,
      json: {
        error: {
          code: 405,
          message: `Method POST is not allowed on /v1/${PARENT}/workflows/known (allowed: GET, PATCH, DELETE).`,
          status: 'UNIMPLEMENTED',
        },
      },
    });
  });

  it('refuses a body larger than 1 MB with 400 INVALID_ARGUMENT', async () => {
    const big = JSON.stringify({ sourceContents: 'x'.repeat(1024 * 1024 + 10) });
    const res = await raw(`${base}/workflows?workflowId=big`, 'POST', big);
    assert.deepEqual(res, {
      status: 400,
      json: { error: { code: 400, message: 'Request payload size exceeds the limit: 1048576 bytes.', status: 'INVALID_ARGUMENT' } },
    });
  });

  it('refuses a create without workflowId, and an invalid workflow ID', async () => {
    assert.deepEqual(await raw(`${base}/workflows`, 'POST', JSON.stringify({ sourceContents: RETURN_ONE })), {
      status: 400,
      json: { error: { code: 400, message: 'The workflowId query parameter is required.', status: 'INVALID_ARGUMENT' } },
    });
    assert.deepEqual(await raw(`${base}/workflows?workflowId=1bad`, 'POST', JSON.stringify({ sourceContents: RETURN_ONE })), {
      status: 400,
      json: {
        error: {
          code: 400,
          message:
            'Invalid workflow ID "1bad": it must have 1 to 64 letters, digits, underscores or hyphens, start with a letter and end with a letter or digit.',
          status: 'INVALID_ARGUMENT',
        },
      },
    });
  });

  it('refuses an execution argument that is not JSON text', async () => {
    const res = await raw(`${base}/workflows/known/executions`, 'POST', JSON.stringify({ argument: '{nope' }));
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(res.json), /"message":"Invalid execution argument: not valid JSON \(.+\)\.","status":"INVALID_ARGUMENT"/);
  });

  it('refuses an execution of a workflow that does not exist with 404', async () => {
    assert.deepEqual(await raw(`${base}/workflows/missing/executions`, 'POST', '{}'), {
      status: 404,
      json: { error: { code: 404, message: `Resource '${PARENT}/workflows/missing' was not found`, status: 'NOT_FOUND' } },
    });
  });

  it('refuses a filter on an unknown field and a bad page token', async () => {
    assert.deepEqual(await raw(`${base}/workflows/known/executions?filter=${encodeURIComponent('colour="red"')}`, 'GET'), {
      status: 400,
      json: {
        error: {
          code: 400,
          message:
            'Invalid filter "colour="red"": unknown field "colour" (supported: name, executionId, state, workflowRevisionId, createTime, startTime, endTime, duration, labels.<key>).',
          status: 'INVALID_ARGUMENT',
        },
      },
    });
    assert.deepEqual(await raw(`${base}/workflows/known/executions?pageToken=garbage`, 'GET'), {
      status: 400,
      json: { error: { code: 400, message: 'The page token is invalid.', status: 'INVALID_ARGUMENT' } },
    });
  });

  it('refuses labels Google would refuse', async () => {
    assert.deepEqual(await raw(`${base}/workflows/known/executions`, 'POST', JSON.stringify({ labels: { Team: 'a' } })), {
      status: 400,
      json: {
        error: {
          code: 400,
          message: 'Invalid label key "Team": it must start with a lowercase letter and have at most 63 lowercase letters, digits, underscores or hyphens.',
          status: 'INVALID_ARGUMENT',
        },
      },
    });
    assert.deepEqual(await raw(`${base}/workflows?workflowId=labelled`, 'POST', JSON.stringify({ sourceContents: RETURN_ONE, labels: { team: 'Blue Team' } })), {
      status: 400,
      json: {
        error: {
          code: 400,
          message: 'Invalid value of label "team": "Blue Team" must have at most 63 lowercase letters, digits, underscores or hyphens.',
          status: 'INVALID_ARGUMENT',
        },
      },
    });
  });

  it('refuses an unknown updateMask field', async () => {
    assert.deepEqual(await raw(`${base}/workflows/known?updateMask=colour`, 'PATCH', '{}'), {
      status: 400,
      json: {
        error: {
          code: 400,
          message:
            'Invalid updateMask field "colour": updatable fields are description, labels, sourceContents, serviceAccount, callLogLevel, userEnvVars, executionHistoryLevel.',
          status: 'INVALID_ARGUMENT',
        },
      },
    });
  });

  it('answers an unknown operation with 404', async () => {
    assert.deepEqual(await raw(`${base}/operations/operation-1`, 'GET'), {
      status: 404,
      json: { error: { code: 404, message: `Operation '${PARENT}/operations/operation-1' was not found`, status: 'NOT_FOUND' } },
    });
  });
});
