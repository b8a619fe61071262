/** Markdown for connector hover and signature help. Pure (no `vscode` import). */
import type { ConnectorArg, ConnectorArgKind, ConnectorMethod } from '../connectors/catalogue';

const WHERE: Record<ConnectorArgKind, string> = {
  path: 'path parameter',
  query: 'query parameter',
  standard: "Google's standard query parameter",
  synthetic: 'picks the regional endpoint',
  body: 'request body',
  connector_params: 'connector options',
  helper: 'argument',
};

/** The LRO sentence of Google's method pages, shortened. */
export const LRO_NOTE =
  'Long-running operation: the call waits, polling (1 s, ×1.25, at most 60 s by default) until the operation completes, fails or times out (1800 s by default; up to 31536000 s with `connector_params.timeout`).';

/** `name`, `name?` for optional arguments. */
export function argLabel(arg: ConnectorArg): string {
  return arg.required ? arg.name : `${arg.name}?`;
}

/** The method's one-line signature: `googleapis.pubsub.v1.projects.topics.publish(topic, body, …) → PublishResponse`. */
export function connectorSignature(method: ConnectorMethod): string {
  const shown = method.args.filter((a) => a.kind !== 'standard');
  return `${method.fullName}(${shown.map(argLabel).join(', ')})${method.data.response ? ` → ${method.data.response}` : ''}`;
}

/** The hover text: signature, description, HTTP call, LRO note, required arguments and the reference link. */
export function connectorHover(method: ConnectorMethod): string {
  const lines = ['`' + connectorSignature(method) + '`', method.data.doc || '(no description)'];
  if (!method.data.helper) lines.push('`' + `${method.data.http} ${method.rootUrl}${method.data.url}` + '`');
  if (method.data.lro) lines.push(LRO_NOTE);
  const args = method.args.filter((a) => a.required || a.kind === 'synthetic' || a.kind === 'body');
  if (args.length) lines.push(args.map((a) => `- \`${a.name}\`${a.required ? '' : ' (optional)'}: ${a.doc}`).join('\n'));
  lines.push(`[Google's reference page](${method.referenceUrl})`);
  return lines.join('\n\n');
}

/** The hover text of one argument: `name` — required path parameter, string — and its description. */
export function argumentHover(method: ConnectorMethod, arg: ConnectorArg): string {
  const type = arg.kind === 'body' ? `\`${arg.type}\`` : arg.type;
  return [`\`${arg.name}\` — ${arg.required ? 'required' : 'optional'} ${WHERE[arg.kind]}${type ? `, ${type}` : ''}, of \`${method.fullName}\``, arg.doc].join('\n\n');
}
