import { deepStrictEqual, strictEqual } from 'assert';
import { lookupConnectorMethod } from '../../../src/core/connectors/catalogue';
import { completeConnectorName } from '../../../src/core/connectors/complete';
import { connectorCallAt } from '../../../src/core/language/connectorCallAt';
import { argumentHover, connectorHover, connectorSignature } from '../../../src/core/language/connectorDocs';
import { cursorContext } from '../../../src/core/language/cursorContext';

/** The completion labels at the `|` of `text`, as the editor would compute them. */
function labelsAt(text: string): string[] {
  const offset = text.indexOf('|');
  const context = cursorContext(text.replace('|', ''), offset);
  if (!context || (context.kind !== 'call' && context.kind !== 'expression')) return [];
  return completeConnectorName(context.prefix).map((c) => `${c.level}:${c.label}`);
}

describe('connector editing', () => {
  describe('name completion, level by level', () => {
    it('offers the APIs after googleapis. in a call step', () => {
      const labels = labelsAt('- a:\n    call: googleapis.|\n');
      strictEqual(labels.length, 30);
      deepStrictEqual(labels.slice(0, 4), ['api:ml', 'api:integrations', 'api:batch', 'api:bigquery']);
    });

    it('offers the versions of an API', () => {
      deepStrictEqual(labelsAt('- a:\n    call: googleapis.compute.|\n'), ['version:v1', 'version:beta']);
    });

    it('offers resources and methods of a version, then of a resource', () => {
      const top = labelsAt('- a:\n    call: googleapis.pubsub.v1.|');
      deepStrictEqual(top, ['resource:projects']);
      deepStrictEqual(labelsAt('- a:\n    call: googleapis.pubsub.v1.projects.topics.p|'), [
        'resource:snapshots',
        'resource:subscriptions',
        'method:create',
        'method:delete',
        'method:get',
        'method:getIamPolicy',
        'method:list',
        'method:patch',
        'method:publish',
        'method:setIamPolicy',
        'method:testIamPermissions',
      ]);
    });

    it('completes inside ${} too, including helpers', () => {
      const labels = labelsAt('- a:\n    return: ${googleapis.secretmanager.v1.projects.secrets.versions.a|');
      deepStrictEqual(labels.filter((l) => l.startsWith('method:')), ['method:access', 'method:accessString', 'method:destroy', 'method:disable', 'method:enable', 'method:get', 'method:list']);
    });

    it('offers the gke functions', () => {
      deepStrictEqual(labelsAt('- a:\n    call: gke.|'), ['method:request', 'method:create_job', 'method:await_job', 'method:delete_job']);
    });

    it('offers nothing outside connector namespaces or after an unknown API', () => {
      deepStrictEqual(labelsAt('- a:\n    call: http.|'), []);
      deepStrictEqual(labelsAt('- a:\n    call: googleapis.nope.|'), []);
    });
  });

  describe('hover and signature', () => {
    it('describes a long-running method with its HTTP call, the LRO note, its required arguments and the reference link', () => {
      const method = lookupConnectorMethod('googleapis.compute.v1.instances.stop')!;
      strictEqual(
        connectorHover(method),
        [
          '`googleapis.compute.v1.instances.stop(project, zone, instance, discardLocalSsd?, noGracefulShutdown?, requestId?, connector_params?) → Operation`',
          'Stops a running instance, shutting it down cleanly, and allows you to restart the instance at a later time. Stopped instances do not incur VM usage charges while they are stopped. However, resources that the VM is using, such as persistent disks and static IP addresses, will continue to be charged until they are deleted. For more information, seeStopping an instance.',
          '`POST https://compute.googleapis.com/compute/v1/projects/{project}/zones/{zone}/instances/{instance}/stop`',
          'Long-running operation: the call waits, polling (1 s, ×1.25, at most 60 s by default) until the operation completes, fails or times out (1800 s by default; up to 31536000 s with `connector_params.timeout`).',
          '- `project`: Project ID for this request.\n- `zone`: The name of the zone for this request.\n- `instance`: Name of the instance resource to stop.',
          "[Google's reference page](https://cloud.google.com/workflows/docs/reference/googleapis/compute/v1/instances/stop)",
        ].join('\n\n'),
      );
    });

    it('describes an argument: where it goes, its type and its description', () => {
      const method = lookupConnectorMethod('googleapis.pubsub.v1.projects.topics.publish')!;
      const [topic, body] = method.args;
      strictEqual(
        argumentHover(method, topic),
        '`topic` — required path parameter, string, of `googleapis.pubsub.v1.projects.topics.publish`\n\nRequired. The messages in the request will be published on this topic. Format is `projects/{project}/topics/{topic}`.',
      );
      strictEqual(argumentHover(method, body).split('\n')[0], '`body` — required request body, `PublishRequest`, of `googleapis.pubsub.v1.projects.topics.publish`');
    });

    it('gives a helper its signature', () => {
      strictEqual(
        connectorSignature(lookupConnectorMethod('googleapis.secretmanager.v1.projects.secrets.versions.accessString')!),
        'googleapis.secretmanager.v1.projects.secrets.versions.accessString(secret_id, version?, project_id?, connector_params?) → string',
      );
    });

    it('finds the connector call and argument index at the cursor for signature help', () => {
      const name = 'googleapis.secretmanager.v1.projects.secrets.versions.accessString';
      deepStrictEqual(connectorCallAt(`    return: \${${name}(`), { name, argIndex: 0 });
      deepStrictEqual(connectorCallAt(`    return: \${${name}("a, b", f(x, y), `), { name, argIndex: 2 });
      strictEqual(connectorCallAt(`    return: \${${name}("a")`), undefined);
      strictEqual(connectorCallAt(`    return: \${text.split(`), undefined);
      strictEqual(connectorCallAt(''), undefined);
    });
  });
});
