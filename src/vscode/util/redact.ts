/**
 * Removes secrets from text before it reaches a log: bearer tokens, PEM private keys, and the
 * values of OAuth/service-account fields. Pure (no `vscode` import) so every layer can use it.
 */

const REPLACEMENT = '[REDACTED]';

/** Field names whose values are secrets, in JSON (`"k": "v"`), query (`k=v`) or YAML (`k: v`) form. */
const SECRET_FIELDS = ['access_token', 'refresh_token', 'client_secret', 'id_token', 'private_key'];

const PATTERNS: readonly [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, REPLACEMENT],
  [/\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REPLACEMENT}`],
  [new RegExp(`("(?:${SECRET_FIELDS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REPLACEMENT}"`],
  [new RegExp(`\\b((?:${SECRET_FIELDS.join('|')})\\s*[=:]\\s*)(?!\\s*")[^\\s&,;"'}]+`, 'gi'), `$1${REPLACEMENT}`],
];

/** Returns `text` with every recognised secret replaced by `[REDACTED]`. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
