/**
 * Argument checks of a connector call, shared by the validator's rules and by workflow tests'
 * mock checks: which argument names a method takes, which it requires, and the `body` rules.
 */
import { suggest } from '../validate/suggest';
import { isConnectorNamespace, resolveConnector, type ConnectorMethod, type ConnectorResolution } from './catalogue';

export type ConnectorArgProblem =
  /** The name is not a connector method the catalogue knows (see `resolution`). */
  | { kind: 'unknown-connector'; resolution: Exclude<ConnectorResolution, { kind: 'method' }> | { kind: 'not-connector' } }
  | { kind: 'missing-argument'; name: string }
  | { kind: 'unknown-argument'; name: string; suggestion?: string }
  | { kind: 'body-not-accepted' }
  | { kind: 'body-missing'; type: string };

/**
 * Problems of the argument names `argKeys` for the connector method `name`; `[]` when all is well.
 * `queryKeys` are the keys of a `query:` map argument, which may supply required query parameters.
 */
export function checkConnectorArgs(name: string, argKeys: readonly string[], queryKeys: readonly string[] = []): ConnectorArgProblem[] {
  if (!isConnectorNamespace(name)) return [{ kind: 'unknown-connector', resolution: { kind: 'not-connector' } }];
  const resolved = resolveConnector(name);
  if (resolved.kind !== 'method') return [{ kind: 'unknown-connector', resolution: resolved }];
  return methodArgProblems(resolved.method, argKeys, queryKeys);
}

/** Argument problems of a resolved method, in the order: missing, unknown, body. */
export function methodArgProblems(method: ConnectorMethod, argKeys: readonly string[], queryKeys: readonly string[] = []): ConnectorArgProblem[] {
  const out: ConnectorArgProblem[] = [];
  const given = new Set([...argKeys, ...queryKeys.filter(() => !method.data.helper)]);
  const names = method.args.map((a) => a.name);
  for (const arg of method.args) {
    if (arg.required && arg.kind !== 'body' && !given.has(arg.name)) out.push({ kind: 'missing-argument', name: arg.name });
  }
  const takesBody = method.data.helper ? names.includes('body') : method.data.body !== undefined;
  for (const key of argKeys) {
    if (names.includes(key)) continue;
    if (key === 'body' && !takesBody) {
      out.push({ kind: 'body-not-accepted' });
      continue;
    }
    out.push({ kind: 'unknown-argument', name: key, suggestion: suggest(key, names) });
  }
  if (bodyExpected(method) && !given.has('body')) out.push({ kind: 'body-missing', type: method.data.body ?? '' });
  return out;
}

/**
 * Whether leaving out `body` is most likely a mistake. The published descriptions don't say which
 * bodies are required, and Google's own samples leave out empty request messages
 * (`ClearValuesRequest`, `RunJobRequest`) and the body of PUT methods that take the name in the
 * path (`topics.create`). So only a resource body (not a `…Request`) of POST or PATCH is expected.
 */
export function bodyExpected(method: ConnectorMethod): boolean {
  const { body, http, helper } = method.data;
  return !helper && body !== undefined && !body.endsWith('Request') && (http === 'POST' || http === 'PATCH');
}
