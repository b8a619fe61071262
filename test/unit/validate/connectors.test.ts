import { deepStrictEqual } from 'assert';
import { checkConnectorArgs } from '../../../src/core/connectors/checkArgs';
import { doc, EMPTY, expected, lint } from './helpers';

const PUBLISH = 'googleapis.pubsub.v1.projects.topics.publish';
/** A Compute instances.stop call step whose `connector_params` lines follow. */
const STOP_WITH_PARAMS = ['- a:', '    call: googleapis.compute.v1.instances.stop', '    args:', '      project: p', '      zone: z', '      instance: i', '      connector_params:'];

describe('connector rules', () => {
  describe('connector names', () => {
    it('accepts known connector methods in call steps and expressions', () => {
      const text = doc(
        '- a:',
        `    call: ${PUBLISH}`,
        '    args:',
        '      topic: projects/p/topics/t',
        '      body: {messages: []}',
        '- b:',
        '    return: ${googleapis.secretmanager.v1.projects.secrets.versions.accessString("s", "latest", "p")}',
      );
      deepStrictEqual(lint(text), []);
    });

    it('reports an unknown API on its name, with a suggestion', () => {
      const text = doc('- a:', '    call: googleapis.bigqury.v2.jobs.query', '    args:', '      projectId: p', '      body: {query: x}');
      deepStrictEqual(lint(text), [expected('unknown-connector-api', ['bigqury'], '1:21-1:28', 'bigqury', { suggestion: 'bigquery' })]);
    });

    it('reports an unknown version, naming the versions there are', () => {
      const text = doc('- a:', '    call: googleapis.compute.v2.instances.get');
      deepStrictEqual(lint(text), [expected('unknown-connector-version', ['v2', 'compute', 'v1 and beta'], '1:29-1:31', 'v2')]);
    });

    it('reports an unknown method on the resource path, with a suggestion', () => {
      const text = doc('- a:', '    call: "googleapis.storage.v1.objects.gett"', '    args:', '      bucket: b', '      object: o');
      deepStrictEqual(lint(text), [
        expected('unknown-connector-method', ['objects.gett', 'googleapis.storage.v1'], '1:33-1:45', 'objects.gett', { suggestion: 'objects.get' }),
      ]);
    });

    it('reports an unknown connector inside an expression', () => {
      const text = doc('- a:', '    return: ${googleapis.secretmanager.v1.projects.secrets.versions.accesString("s")}');
      deepStrictEqual(lint(text), [
        expected('unknown-connector-method', ['projects.secrets.versions.accesString', 'googleapis.secretmanager.v1'], '1:42-1:79', 'projects.secrets.versions.accesString', {
          suggestion: 'projects.secrets.versions.accessString',
        }),
      ]);
    });

    it('only warns about a method missing from an API whose methods come from another version', () => {
      const text = doc('- a:', '    call: googleapis.integrations.v1.projects.locations.integrations.lists', '    args:', '      parent: p');
      deepStrictEqual(lint(text), [
        expected('unlisted-connector-method', ['projects.locations.integrations.lists', 'googleapis.integrations.v1'], '1:37-1:74', 'projects.locations.integrations.lists', {
          suggestion: 'projects.locations.integrations.list',
        }),
      ]);
    });

    it('checks gke functions', () => {
      const text = doc('- a:', '    call: gke.requests', '    args:', '      cluster_id: c', '      path: /api/v1/pods');
      deepStrictEqual(lint(text), [expected('unknown-connector-method', ['requests', 'gke'], '1:14-1:22', 'requests', { suggestion: 'request' })]);
    });
  });

  describe('connector arguments', () => {
    it('reports a missing path parameter on the call', () => {
      const text = doc('- a:', `    call: ${PUBLISH}`, '    args:', '      body: {messages: []}');
      deepStrictEqual(lint(text), [expected('missing-argument', ['topic', PUBLISH], '1:10-1:54', PUBLISH)]);
    });

    it('warns about an argument the method does not take, suggesting a close one', () => {
      const text = doc('- a:', '    call: googleapis.storage.v1.objects.get', '    args:', '      bucket: b', '      object: o', '      generaton: 3');
      deepStrictEqual(lint(text), [
        expected('unknown-connector-argument', ['generaton', 'googleapis.storage.v1.objects.get'], '5:6-5:15', 'generaton', { suggestion: 'generation' }),
      ]);
    });

    it('warns about a body given to a method without one, and a body missing where a resource is created', () => {
      const text = doc(
        '- a:',
        '    call: googleapis.storage.v1.objects.delete',
        '    args:',
        '      bucket: b',
        '      object: o',
        '      body: {}',
        '- b:',
        '    call: googleapis.storage.v1.buckets.insert',
        '    args:',
        '      project: p',
      );
      deepStrictEqual(lint(text), [
        expected('connector-body-not-accepted', ['googleapis.storage.v1.objects.delete'], '5:6-5:10', 'body'),
        expected('connector-body-missing', ['googleapis.storage.v1.buckets.insert', 'Bucket'], '7:10-7:46', 'googleapis.storage.v1.buckets.insert'),
      ]);
    });

    it('accepts required query parameters given in a query map, and standard parameters', () => {
      const text = doc(
        '- a:',
        '    call: googleapis.storage.v1.buckets.insert',
        '    args:',
        '      query:',
        '        project: p',
        '      body: {name: b}',
        '- b:',
        '    call: googleapis.storage.v1.objects.get',
        '    args:',
        '      bucket: b',
        '      object: o',
        '      alt: media',
      );
      deepStrictEqual(lint(text), []);
    });

    it('offers checkConnectorArgs to other callers, such as mock checks', () => {
      deepStrictEqual(checkConnectorArgs(PUBLISH, ['topic', 'body']), []);
      deepStrictEqual(checkConnectorArgs(PUBLISH, ['topc']), [
        { kind: 'missing-argument', name: 'topic' },
        { kind: 'unknown-argument', name: 'topc', suggestion: 'topic' },
      ]);
      deepStrictEqual(checkConnectorArgs('http.get', []), [{ kind: 'unknown-connector', resolution: { kind: 'not-connector' } }]);
      deepStrictEqual(checkConnectorArgs('googleapis.pubsub.v9.projects.topics.publish', []), [
        { kind: 'unknown-connector', resolution: { kind: 'unknown-version', api: 'pubsub', version: 'v9', span: { start: 18, end: 20 }, suggestion: 'v1' } },
      ]);
    });
  });

  describe('connector_params', () => {
    it('accepts the documented keys and types', () => {
      const text = doc(
        ...STOP_WITH_PARAMS,
        '        timeout: 31536000',
        '        polling_policy: {initial_delay: 2, multiplier: 1.5, max_delay: 30}',
        '        skip_polling: false',
        '        scopes: [https://www.googleapis.com/auth/cloud-platform]',
      );
      deepStrictEqual(lint(text), []);
    });

    it('reports wrong values and warns about unknown keys', () => {
      const text = doc(
        ...STOP_WITH_PARAMS,
        '        timeout: 31536001',
        '        polling_policy: {initial_delay: 0, multiplier: fast, maxdelay: 3}',
        '        skip_polling: "yes"',
        '        scopes: 3',
        '        retries: 2',
      );
      deepStrictEqual(lint(text), [
        expected('connector-param-value', ['timeout', 'an integer number of seconds from 1 to 31536000'], '7:17-7:25', '31536001'),
        expected('connector-param-value', ['initial_delay', 'a positive number'], '8:40-8:41', '0'),
        expected('connector-param-value', ['multiplier', 'a positive number'], '8:55-8:59', 'fast'),
        expected('unknown-connector-param', ['maxdelay', 'polling_policy (initial_delay, multiplier, max_delay)'], '8:61-8:69', 'maxdelay'),
        expected('connector-param-value', ['skip_polling', 'true or false'], '9:22-9:27', '"yes"'),
        expected('connector-param-value', ['scopes', 'a string or a list of strings'], '10:16-10:17', '3'),
        expected('unknown-connector-param', ['retries', 'connector_params (timeout, polling_policy, skip_polling, scopes)'], '11:8-11:15', 'retries'),
      ]);
    });

    it('stays quiet on empty input and on expressions', () => {
      deepStrictEqual(lint(''), EMPTY);
      const text = doc(
        '- init:',
        '    assign: [{t: x}, {b: {}}, {params: {}}]',
        '- a:',
        `    call: ${PUBLISH}`,
        '    args:',
        '      topic: ${t}',
        '      body: ${b}',
        '      connector_params: ${params}',
      );
      deepStrictEqual(lint(text), []);
    });
  });
});
