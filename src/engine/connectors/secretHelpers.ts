/**
 * The Secret Manager connector helpers in live mode: `accessString` reads a version through
 * `versions.access` and returns its payload decoded as UTF-8 text; `addVersionString` sends
 * `data` base64-encoded through `secrets.addVersion` and returns the new SecretVersion. The
 * project defaults to the execution's.
 */
import type { ConnectorMethod } from '../../core/connectors/catalogue';
import { ConnectorArgError, expandTemplate, type ArgValue, type ConnectorRequest } from '../../core/connectors/request';
import { workflowError } from '../errors';
import type { JsonValue } from '../value';

function text(args: Record<string, JsonValue>, name: string, fallback?: string): string {
  const v = args[name] ?? fallback;
  if (typeof v !== 'string' || v === '') throw new ConnectorArgError(v === undefined ? 'ValueError' : 'TypeError', `argument '${name}' must be a non-empty string`);
  return v;
}

/** The REST request behind a Secret Manager helper. */
export function secretHelperRequest(method: ConnectorMethod, args: Record<string, JsonValue>, project: string, endpoint?: string): ConnectorRequest {
  const root = endpoint ? `${endpoint.replace(/\/+$/, '')}/` : method.rootUrl;
  const values: Record<string, ArgValue> = { project: text(args, 'project_id', project), secret: text(args, 'secret_id') };
  if (method.data.name.endsWith('accessString')) {
    values.version = text(args, 'version', 'latest');
    return { method: 'GET', url: root + expandTemplate('v1/projects/{project}/secrets/{secret}/versions/{version}:access', values) };
  }
  const data = Buffer.from(text(args, 'data'), 'utf8').toString('base64');
  return { method: 'POST', url: root + expandTemplate('v1/projects/{project}/secrets/{secret}:addVersion', values), body: { payload: { data } } };
}

/** The helper's result from the REST answer. */
export function secretHelperResult(method: ConnectorMethod, answer: JsonValue): JsonValue {
  if (!method.data.name.endsWith('accessString')) return answer;
  const payload = typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? answer.payload : undefined;
  const data = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload.data : undefined;
  if (typeof data !== 'string') throw workflowError('ResponseTypeError', `${method.fullName}: the answer has no payload.data`);
  return Buffer.from(data, 'base64').toString('utf8');
}
