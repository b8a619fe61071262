import { deepStrictEqual, strictEqual } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CONNECTOR_APIS, connectorMethods, lookupConnectorMethod, resolveConnector } from '../../../src/core/connectors/catalogue';
import { HELPERS } from '../../../src/core/connectors/handWritten';
import { readApiData } from '../../../src/engine/connectors/dataFiles';

const APIS = path.resolve(__dirname, '..', '..', '..', 'node_modules', 'googleapis', 'build', 'src', 'apis');

/** Methods of one API version in the source package, counted independently of the generator. */
function sourceCount(api: string, version: string): number {
  const js = fs.readFileSync(path.join(APIS, api, `${version}.js`), 'utf8');
  return js.match(/^\s+\w+\(paramsOrCallback, optionsOrCallback, callback\) \{/gm)?.length ?? 0;
}

/** A method as the tests compare it. */
function summary(name: string) {
  const m = lookupConnectorMethod(name);
  if (!m) return undefined;
  return {
    http: m.data.http,
    url: m.rootUrl + m.data.url,
    args: m.args.map((a) => `${a.name}${a.required ? '' : '?'}:${a.kind}`),
    body: m.data.body,
    response: m.data.response,
    lro: m.data.lro ?? false,
    reference: m.referenceUrl,
  };
}

describe('connector catalogue', () => {
  it('lists the 30 googleapis connector APIs of Google\'s table plus gke', () => {
    strictEqual(CONNECTOR_APIS.filter((a) => !a.handWritten).length, 30);
    deepStrictEqual(
      CONNECTOR_APIS.filter((a) => a.handWritten).map((a) => a.name),
      ['gke'],
    );
  });

  it('has, for every API version, exactly the methods of the pinned googleapis package plus the hand-written helpers', () => {
    const version = (JSON.parse(fs.readFileSync(path.join(APIS, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
    for (const api of CONNECTOR_APIS.filter((a) => !a.handWritten)) {
      for (const v of api.versions) {
        const data = readApiData(api.name, v)!;
        strictEqual(data.source.startsWith(`googleapis@${version}`), true, `${api.name}.${v} was generated from googleapis@${version}`);
        const expected = sourceCount(api.name, api.derivedFrom ?? v) + (HELPERS[`${api.name}.${v}`]?.length ?? 0);
        strictEqual(connectorMethods(api.name, v)!.size, expected, `${api.name}.${v}`);
      }
    }
  });

  it('knows the method counts of the largest APIs', () => {
    deepStrictEqual(
      ['compute.v1', 'compute.beta', 'aiplatform.v1', 'storage.v1', 'bigquery.v2', 'pubsub.v1', 'workflowexecutions.v1'].map((k) => {
        const [api, v] = k.split('.');
        return `${k} ${connectorMethods(api, v)!.size}`;
      }),
      ['compute.v1 1019', 'compute.beta 1130', 'aiplatform.v1 1005', 'storage.v1 87', 'bigquery.v2 47', 'pubsub.v1 46', 'workflowexecutions.v1 11'],
    );
  });

  it('gives Pub/Sub publish its reserved-expansion URL, its topic and its body', () => {
    deepStrictEqual(summary('googleapis.pubsub.v1.projects.topics.publish'), {
      http: 'POST',
      url: 'https://pubsub.googleapis.com/v1/{+topic}:publish',
      args: ['topic:path', 'body:body', 'alt?:standard', 'fields?:standard', 'uploadType?:standard', 'prettyPrint?:standard', 'quotaUser?:standard', 'query?:standard', 'connector_params?:connector_params'],
      body: 'PublishRequest',
      response: 'PublishResponse',
      lro: false,
      reference: 'https://cloud.google.com/workflows/docs/reference/googleapis/pubsub/v1/projects.topics/publish',
    });
  });

  it('gives Storage objects.get its two simple-expansion path parameters and its query parameters', () => {
    const s = summary('googleapis.storage.v1.objects.get')!;
    strictEqual(s.url, 'https://storage.googleapis.com/storage/v1/b/{bucket}/o/{object}');
    deepStrictEqual(s.args.slice(0, 11), [
      'bucket:path',
      'object:path',
      'generation?:query',
      'ifGenerationMatch?:query',
      'ifGenerationNotMatch?:query',
      'ifMetagenerationMatch?:query',
      'ifMetagenerationNotMatch?:query',
      'projection?:query',
      'restoreToken?:query',
      'softDeleted?:query',
      'userProject?:query',
    ]);
    strictEqual(s.body, undefined);
  });

  it('marks Compute inserts and BigQuery jobs.insert as long-running, and GETs and non-LRO APIs not', () => {
    deepStrictEqual(
      [
        'googleapis.compute.v1.instances.insert',
        'googleapis.compute.v1.instances.get',
        'googleapis.compute.v1.zoneOperations.get',
        'googleapis.bigquery.v2.jobs.insert',
        'googleapis.bigquery.v2.jobs.query',
        'googleapis.run.v2.projects.locations.jobs.run',
        'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.create',
        'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run',
        'googleapis.aiplatform.v1.projects.locations.customJobs.create',
      ].map((n) => `${n.split('.').slice(1).join('.')} ${summary(n)!.lro}`),
      [
        'compute.v1.instances.insert true',
        'compute.v1.instances.get false',
        'compute.v1.zoneOperations.get false',
        'bigquery.v2.jobs.insert true',
        'bigquery.v2.jobs.query false',
        'run.v2.projects.locations.jobs.run false',
        'workflowexecutions.v1.projects.locations.workflows.executions.create false',
        'workflowexecutions.v1.projects.locations.workflows.executions.run true',
        'aiplatform.v1.projects.locations.customJobs.create true',
      ],
    );
    strictEqual(summary('googleapis.compute.v1.instances.insert')!.url, 'https://compute.googleapis.com/compute/v1/projects/{project}/zones/{zone}/instances');
    strictEqual(summary('googleapis.bigquery.v2.jobs.insert')!.url, 'https://bigquery.googleapis.com/bigquery/v2/projects/{+projectId}/jobs');
  });

  it('groups dotted query parameters into one map argument (Firestore mask.fieldPaths)', () => {
    const m = lookupConnectorMethod('googleapis.firestore.v1.projects.databases.documents.patch')!;
    deepStrictEqual(
      m.args.filter((a) => a.kind === 'query').map((a) => `${a.name}:${a.type}`),
      ['currentDocument:map', 'mask:map', 'requestOptions:map', 'updateMask:map'],
    );
  });

  it('adds the synthetic endpoint arguments: region for Vertex AI, location for Document AI, Integrations and Cloud Run v1', () => {
    const synthetic = (n: string) => lookupConnectorMethod(n)!.args.filter((a) => a.kind === 'synthetic').map((a) => a.name);
    deepStrictEqual(synthetic('googleapis.aiplatform.v1.projects.locations.endpoints.predict'), ['region']);
    deepStrictEqual(synthetic('googleapis.documentai.v1.projects.locations.processors.process'), ['location']);
    deepStrictEqual(synthetic('googleapis.integrations.v1.projects.locations.integrations.list'), ['location']);
    deepStrictEqual(synthetic('googleapis.run.v1.namespaces.services.get'), ['location']);
    deepStrictEqual(synthetic('googleapis.run.v2.projects.locations.services.get'), []);
  });

  it('knows the connector-only helpers with their arguments', () => {
    const args = (n: string) => lookupConnectorMethod(n)!.args.map((a) => `${a.name}${a.required ? '' : '?'}`);
    for (const v of ['v1', 'v1beta']) {
      const prefix = `googleapis.workflowexecutions.${v}.projects.locations.workflows.executions`;
      deepStrictEqual(
        args(`${prefix}.run`).filter((a) => a !== 'callLogLevel?'),
        ['workflow_id', 'location?', 'project_id?', 'argument?', 'connector_params?'],
      );
      deepStrictEqual(args(`${prefix}.get`).slice(0, 2), ['name', 'view?']);
    }
    deepStrictEqual(args('googleapis.secretmanager.v1.projects.secrets.versions.accessString'), ['secret_id', 'version?', 'project_id?', 'connector_params?']);
    deepStrictEqual(args('googleapis.secretmanager.v1.projects.secrets.addVersionString'), ['secret_id', 'data', 'project_id?', 'connector_params?']);
    deepStrictEqual(args('gke.request'), ['cluster_id', 'path', 'project?', 'location?', 'method?', 'query?', 'headers?', 'body?', 'timeout?']);
    deepStrictEqual([...connectorMethods('gke', '')!.keys()], ['request', 'create_job', 'await_job', 'delete_job']);
  });

  it('resolves wrong names to the part that is wrong, with a suggestion', () => {
    deepStrictEqual(resolveConnector('googleapis.bigqury.v2.jobs.query'), { kind: 'unknown-api', api: 'bigqury', span: { start: 11, end: 18 }, suggestion: 'bigquery' });
    deepStrictEqual(resolveConnector('googleapis.storage.v2.objects.get'), { kind: 'unknown-version', api: 'storage', version: 'v2', span: { start: 19, end: 21 }, suggestion: 'v1' });
    deepStrictEqual(resolveConnector('googleapis.storage.v1.objects.gett'), {
      kind: 'unknown-method',
      method: 'objects.gett',
      span: { start: 22, end: 34 },
      suggestion: 'objects.get',
      approximate: false,
    });
    deepStrictEqual(resolveConnector('gke.requets'), { kind: 'unknown-method', method: 'requets', span: { start: 4, end: 11 }, suggestion: 'request', approximate: false });
  });

  it('reads malformed or missing data files as no data, never throwing', () => {
    strictEqual(readApiData('nosuchapi', 'v1'), undefined);
    strictEqual(readApiData('../../etc', 'v1'), undefined);
  });
});
