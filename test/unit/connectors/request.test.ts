import { deepStrictEqual, strictEqual, throws } from 'assert';
import { lookupConnectorMethod } from '../../../src/core/connectors/catalogue';
import { operationState } from '../../../src/core/connectors/operations';
import { buildConnectorRequest, connectorOptions, DEFAULT_CONNECTOR_OPTIONS, expandTemplate } from '../../../src/core/connectors/request';

const method = (name: string) => lookupConnectorMethod(name)!;

describe('connector requests', () => {
  describe('URL template expansion', () => {
    it('percent-encodes simple expansion, slashes included, and keeps them in reserved expansion', () => {
      strictEqual(expandTemplate('b/{bucket}/o/{object}', { bucket: 'a b', object: 'dir/ü?.txt' }), 'b/a%20b/o/dir%2F%C3%BC%3F.txt');
      strictEqual(expandTemplate('v1/{+name}:publish', { name: 'projects/p/topics/t one' }), 'v1/projects/p/topics/t%20one:publish');
      strictEqual(expandTemplate('v1/{+name}', { name: 'projects/p/locations/-/x' }), 'v1/projects/p/locations/-/x');
      strictEqual(expandTemplate('p/{project}/n/{n}', { project: 'p', n: 42 }), 'p/p/n/42');
    });

    it('refuses missing, empty and non-scalar values', () => {
      throws(() => expandTemplate('b/{bucket}', {}), /missing required argument 'bucket'/);
      throws(() => expandTemplate('b/{bucket}', { bucket: '' }), /must not be empty/);
      throws(() => expandTemplate('b/{bucket}', { bucket: { a: 1 } }), /must be a string, number or boolean, got a map/);
    });
  });

  it('builds query parameters: lists repeated, dotted maps flattened, the query map merged, body and connector_params left out', () => {
    const request = buildConnectorRequest(
      method('googleapis.firestore.v1.projects.databases.documents.patch'),
      { name: 'projects/p/databases/(default)/documents/c/d', updateMask: { fieldPaths: ['a', 'b.c'] }, query: { x: 'y z' }, body: { fields: {} }, connector_params: { timeout: 5 } },
      'http://127.0.0.1:9',
    );
    deepStrictEqual(request, {
      method: 'PATCH',
      url: 'http://127.0.0.1:9/v1/projects/p/databases/(default)/documents/c/d?updateMask.fieldPaths=a&updateMask.fieldPaths=b.c&x=y%20z',
      body: { fields: {} },
    });
  });

  it('picks the regional endpoint from the synthetic region argument', () => {
    const request = buildConnectorRequest(method('googleapis.aiplatform.v1.projects.locations.endpoints.predict'), { endpoint: 'projects/p/locations/us-central1/endpoints/e', region: 'us-central1', body: {} });
    strictEqual(request.url, 'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/endpoints/e:predict');
    throws(() => buildConnectorRequest(method('googleapis.aiplatform.v1.projects.locations.endpoints.predict'), { endpoint: 'e', region: 'evil.com/x' }), /not a region/);
  });

  it('reads connector_params with Google\'s defaults and refuses wrong types and values', () => {
    deepStrictEqual(connectorOptions(undefined), DEFAULT_CONNECTOR_OPTIONS);
    deepStrictEqual(connectorOptions({ timeout: 60, polling_policy: { initial_delay: 2 }, skip_polling: true, scopes: 'a, b c' }), {
      ...DEFAULT_CONNECTOR_OPTIONS,
      timeout: 60,
      initialDelay: 2,
      skipPolling: true,
      scopes: ['a', 'b', 'c'],
    });
    throws(() => connectorOptions({ timeout: 31536001 }), /at most 31536000/);
    throws(() => connectorOptions({ skip_polling: 'yes' }), /true or false/);
    throws(() => connectorOptions({ scopes: 3 }), /string or a list/);
  });

  it('reads the three operation shapes', () => {
    deepStrictEqual(operationState({ name: 'o', done: false }), { kind: 'running', name: 'o' });
    deepStrictEqual(operationState({ name: 'o', done: true, error: { code: 3, message: 'bad' } }), { kind: 'done', error: { code: 3, message: 'bad' } });
    deepStrictEqual(operationState({ status: 'RUNNING', selfLink: 'https://x/op' }), { kind: 'running', url: 'https://x/op' });
    deepStrictEqual(operationState({ status: 'DONE', error: { errors: [] } }), { kind: 'done' });
    deepStrictEqual(operationState({ status: { state: 'DONE', errorResult: { reason: 'invalid' } } }), { kind: 'done', error: { reason: 'invalid' } });
    deepStrictEqual(operationState({ status: 'RUNNING' }), { kind: 'malformed', reason: 'the running operation has no selfLink' });
    deepStrictEqual(operationState('x'), { kind: 'malformed', reason: 'the operation is not a JSON object' });
    deepStrictEqual(operationState({ name: 'projects/p/jobs/1', state: 'JOB_STATE_RUNNING' }), { kind: 'running', name: 'projects/p/jobs/1' });
    deepStrictEqual(operationState({ name: 'j', state: 'JOB_STATE_CANCELLED' }), { kind: 'done', error: { message: 'the job ended in state JOB_STATE_CANCELLED' } });
    deepStrictEqual(operationState({ name: 'projects/p/jobs/1', status: { state: 'SUCCEEDED' } }), { kind: 'done' });
    deepStrictEqual(operationState({ name: 'my-dataflow-job', currentState: 'JOB_STATE_RUNNING', state: 'RUNNING' }), {
      kind: 'malformed',
      reason: 'the running job has no selfLink or resource name to poll',
    });
  });
});
