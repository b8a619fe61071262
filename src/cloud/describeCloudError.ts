/**
 * Turns whatever the Google client throws (GaxiosError with a raw JSON body, GoogleError, system
 * errors, missing credentials) into one clear sentence and, when known, what to do about it.
 */
import type { CloudErrorDescription } from './types';

interface GoogleErrorJson {
  code?: number;
  message?: string;
  status?: string;
  details?: { '@type'?: string; reason?: string; metadata?: Record<string, string>; fieldViolations?: { description?: string }[] }[];
}

const SYSTEM_CODES: Record<string, { message: string; hint?: string }> = {
  ENOTFOUND: { message: 'The server name could not be resolved.', hint: 'Check your network connection and proxy settings.' },
  EAI_AGAIN: { message: 'The server name could not be resolved (DNS is not answering).', hint: 'Check your network connection.' },
  ECONNRESET: { message: 'The connection was reset before the server answered.', hint: 'Try again; check proxies or firewalls in between.' },
  ETIMEDOUT: { message: 'The request timed out: the server did not answer in time.', hint: 'Check your network connection, then try again.' },
  ECONNABORTED: { message: 'The request timed out: the server did not answer in time.', hint: 'Check your network connection, then try again.' },
};

/** One sentence for an error from the cloud layer, with a hint when there is something to do. */
export function describeCloudError(err: unknown): CloudErrorDescription {
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const code = codeOf(err);

  if (/Could not load the default credentials|Unable to detect a Project Id|invalid_grant|reauth/i.test(text)) {
    return {
      message: /Project Id/i.test(text) ? 'No Google Cloud project is set.' : 'No usable Google Cloud credentials were found.',
      hint: /Project Id/i.test(text)
        ? 'Set the cloudWorkflows.project setting or GOOGLE_CLOUD_PROJECT, or run `gcloud config set project PROJECT_ID`.'
        : 'Run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file.',
    };
  }
  if (code === 'ECONNREFUSED') {
    const where = /(\d{1,3}(?:\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\]):(\d+)/i.exec(text);
    return {
      message: `Nothing is listening at ${where ? `${where[1]}:${where[2]}` : 'the server address'}: the local emulator isn't running.`,
      hint: 'Start it with `cloud-workflows emulator`, or switch the target to the emulator embedded in the extension.',
      code,
    };
  }
  if (typeof code === 'string' && SYSTEM_CODES[code]) return { ...SYSTEM_CODES[code], code };
  if (/timeout|timed out|aborted/i.test(text) || (err instanceof Error && /AbortError|TimeoutError/.test(err.name))) {
    return { message: 'The request timed out: the server did not answer in time.', hint: 'Check your network connection, then try again.', code: 'ETIMEDOUT' };
  }

  // A 2xx answer whose body is not JSON (a captive portal, a proxy, the wrong server) fails to parse.
  if (err instanceof SyntaxError && code === undefined) {
    return {
      message: 'The server answered with something that is not a Workflows API response (not valid JSON).',
      hint: 'Check the endpoint: it should be the Workflows API or the local emulator, not a proxy or another server.',
    };
  }
  const body = googleError(err, text);
  const status = typeof code === 'number' ? code : body?.code;
  const serverMessage = cleanMessage(body?.message ?? (body ? '' : text));
  switch (status) {
    case 401:
      return {
        message: 'Google Cloud refused the credentials (401 Unauthenticated).',
        hint: 'Run `gcloud auth application-default login` again.',
        code: status,
      };
    case 403:
      return forbidden(body, serverMessage, status);
    case 404:
      return { message: `Not found: ${serverMessage || 'the workflow or execution does not exist'}.`, hint: 'Check the project, location and name; deploy the workflow first if needed.', code: status };
    case 409:
      return { message: `Conflict: ${serverMessage || 'the resource already exists or is being changed'}.`, hint: 'Wait for the other operation to finish, then try again.', code: status };
    case 429:
      return { message: `Quota exceeded or rate limited: ${serverMessage || 'too many requests'}.`, hint: 'Wait a little and retry, or ask for a higher quota.', code: status };
    case 400:
      return { message: serverMessage || 'The request was invalid.', code: status };
  }
  if (typeof status === 'number' && status >= 500) {
    return { message: `The server failed (${status}): ${serverMessage || 'internal error'}.`, hint: 'Try again in a moment.', code: status };
  }
  return { message: serverMessage || 'The request failed for an unknown reason.', code };
}

function forbidden(body: GoogleErrorJson | undefined, serverMessage: string, status: number): CloudErrorDescription {
  const info = body?.details?.find((d) => d.reason);
  const disabled = info?.reason === 'SERVICE_DISABLED' || /has not been used|is disabled|not enabled/i.test(serverMessage);
  if (disabled) {
    const service = info?.metadata?.service ?? (/(workflowexecutions|workflows)\.googleapis\.com/.exec(serverMessage)?.[0] ?? 'workflows.googleapis.com');
    const project = info?.metadata?.consumer?.replace(/^projects\//, '') ?? /project (\S+?) before|project (\S+?)[ .]/.exec(serverMessage)?.slice(1).find(Boolean);
    return {
      message: `The ${service} API is not enabled${project ? ` in project ${project}` : ''}.`,
      hint: `Enable it with \`gcloud services enable ${service}${project ? ` --project ${project}` : ''}\`, wait a minute, then retry.`,
      code: status,
    };
  }
  const permission =
    info?.metadata?.permission ?? /((?:workflows|workflowexecutions)\.[a-zA-Z]+\.[a-zA-Z]+)/.exec(serverMessage)?.[1];
  const invoker = permission !== undefined && /^(workflows\.executions|workflowexecutions)\./.test(permission);
  return {
    message: permission ? `Permission denied: your account lacks ${permission}.` : `Permission denied: ${serverMessage || '403 Forbidden'}.`,
    hint: invoker
      ? 'Ask for roles/workflows.invoker on the project (running and reading executions needs it).'
      : 'Ask for roles/workflows.editor on the project (deploying needs it; running needs roles/workflows.invoker).',
    code: status,
  };
}

/** HTTP statuses of the gRPC codes a GoogleError carries (client-side and LRO failures). */
const HTTP_BY_GRPC: Record<number, number> = { 3: 400, 4: 504, 5: 404, 6: 409, 7: 403, 8: 429, 9: 400, 10: 409, 13: 500, 14: 503, 16: 401 };

/** The HTTP status (gRPC codes mapped to theirs) or the system error code (`ECONNRESET`) of a client error. */
export function codeOf(err: unknown): number | string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; status?: unknown; response?: { status?: unknown }; cause?: { code?: unknown } };
  if (typeof e.response?.status === 'number') return e.response.status;
  if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return e.code;
  if (typeof e.cause?.code === 'string' && /^E[A-Z]+$/.test(e.cause.code)) return e.cause.code;
  if (typeof e.code === 'number' && e.code >= 100) return e.code;
  if (typeof e.status === 'number' && e.status >= 100) return e.status;
  if (typeof e.code === 'number' && HTTP_BY_GRPC[e.code]) return HTTP_BY_GRPC[e.code];
  if (typeof e.code === 'string' && /^\d{3}$/.test(e.code)) return Number(e.code);
  return undefined;
}

/** Google's `{"error": {...}}` from the error's response data or from a raw JSON message. */
function googleError(err: unknown, text: string): GoogleErrorJson | undefined {
  const e = err as { response?: { data?: unknown } } | null;
  const candidates: unknown[] = [e?.response?.data, text];
  for (const c of candidates) {
    let data = c;
    if (typeof data === 'string') {
      const start = data.indexOf('{');
      if (start < 0) continue;
      try {
        data = JSON.parse(data.slice(start));
      } catch {
        continue;
      }
    }
    if (typeof data === 'object' && data !== null && 'error' in data) {
      const inner = (data as { error: unknown }).error;
      if (typeof inner === 'object' && inner !== null) return inner as GoogleErrorJson;
    }
  }
  return undefined;
}

/** The server's message without a trailing period (the sentence adds one), JSON noise or HTML tags. */
function cleanMessage(message: string): string {
  let text = message.trim();
  if (/^[[{]/.test(text)) return '';
  if (text.startsWith('<')) {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1];
    text = (title ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  }
  return text.split('\n')[0].replace(/\.$/, '').slice(0, 300);
}
