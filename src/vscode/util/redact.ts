/**
 * Removes secrets from text before it reaches a log: bearer and basic credentials, PEM private
 * keys, JWTs, Google access tokens, and the values of OAuth/service-account fields. Pure (no
 * `vscode` import) so every layer can use it.
 */

const REPLACEMENT = '[REDACTED]';

/** Field names whose values are secrets, in JSON (`"k": "v"`), query (`k=v`) or YAML (`k: v`) form. */
const SECRET_FIELDS = ['access_token', 'refresh_token', 'client_secret', 'id_token', 'private_key'];

const PATTERNS: readonly [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, REPLACEMENT],
  [/\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REPLACEMENT}`],
  // "Basic" alone is an ordinary word: only an Authorization header's credentials are hidden.
  [/(authorization["']?\s*[:=]\s*["']?Basic)\s+[A-Za-z0-9+/]+=*/gi, `$1 ${REPLACEMENT}`],
  [new RegExp(`("(?:${SECRET_FIELDS.join('|')})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REPLACEMENT}"`],
  [new RegExp(`\\b((?:${SECRET_FIELDS.join('|')})\\s*[=:]\\s*)(?!\\s*")[^\\s&,;"'}]+`, 'gi'), `$1${REPLACEMENT}`],
  // Bare credentials quoted back by servers or libraries: JWTs (the self-signed tokens and
  // assertions of service-account keys) and Google OAuth access tokens.
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REPLACEMENT],
  [/\bya29\.[A-Za-z0-9_\-.]+/g, REPLACEMENT],
];

/** Returns `text` with every recognised secret replaced by `[REDACTED]`. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
