import { ok } from 'assert';
import fc from 'fast-check';
import { lookupConnectorMethod, resolveConnector } from '../../../src/core/connectors/catalogue';
import { checkConnectorArgs } from '../../../src/core/connectors/checkArgs';
import { completeConnectorName } from '../../../src/core/connectors/complete';
import { operationState } from '../../../src/core/connectors/operations';
import { buildConnectorRequest, ConnectorArgError, connectorOptions, type ArgValue } from '../../../src/core/connectors/request';

const segment = fc.oneof(fc.constantFrom('googleapis', 'gke', 'storage', 'v1', 'compute', 'beta', 'objects', 'get', 'projects', 'locations', ''), fc.string({ maxLength: 8 }));
const dotted = fc.array(segment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('.'));
const json: fc.Arbitrary<ArgValue> = fc.jsonValue() as fc.Arbitrary<ArgValue>;

describe('connector catalogue: any input', () => {
  it('resolves, completes and checks any dotted name without throwing, with spans inside the name', () => {
    fc.assert(
      fc.property(dotted, fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), (name, keys) => {
        const r = resolveConnector(name);
        if ('span' in r) ok(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= name.length, `${name}: ${JSON.stringify(r.span)}`);
        completeConnectorName(name);
        checkConnectorArgs(name, keys, keys);
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('builds a request from any arguments or refuses them with a TypeError or ValueError', () => {
    const methods = ['googleapis.storage.v1.objects.get', 'googleapis.firestore.v1.projects.databases.documents.patch', 'googleapis.aiplatform.v1.projects.locations.endpoints.predict'].map((n) => lookupConnectorMethod(n)!);
    fc.assert(
      fc.property(fc.constantFrom(...methods), fc.dictionary(fc.constantFrom('bucket', 'object', 'name', 'region', 'query', 'body', 'updateMask', 'alt', 'x'), json), (method, args) => {
        try {
          const request = buildConnectorRequest(method, args, 'http://127.0.0.1:1');
          ok(request.url.startsWith('http://127.0.0.1:1/'), request.url);
        } catch (err) {
          ok(err instanceof ConnectorArgError, String(err));
        }
        try {
          connectorOptions(args.body);
        } catch (err) {
          ok(err instanceof ConnectorArgError, String(err));
        }
        ok(['done', 'running', 'malformed'].includes(operationState(args.body ?? null).kind));
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
