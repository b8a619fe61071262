/**
 * Live connector calls for local runs (opt-in): a `googleapis.*` call becomes the REST request
 * the catalogue describes, sent to Google (or to `endpoint`, a fake API on loopback) with the
 * user's credentials, under Google's connector policies (WORKFLOWS-LANGUAGE.md §3.16):
 *
 * - GET requests retry like `http.default_retry`, other methods like
 *   `http.default_retry_non_idempotent`, at most 5 times with `retry.default_backoff`, sleeping on
 *   the execution's clock;
 * - a status >= 400 raises an HttpError map (`code`, `message`, `body`, `headers`, `tags`);
 * - long-running methods are polled per `connector_params.polling_policy` (1 s, ×1.25, at most
 *   60 s) until done; a failed operation raises OperationError with `operation`, a poll answer of
 *   the wrong shape ResponseTypeError, and passing `connector_params.timeout` (1800 s) TimeoutError;
 *   `skip_polling: true` returns the first response;
 * - a 2xx answer that is not JSON raises ResponseTypeError (the connector cannot decode it).
 *
 * Every request is logged (method, URL, status, duration), never the token. Credentials are asked
 * for only when the request leaves loopback.
 */
import { isConnectorNamespace, resolveConnector, type ConnectorMethod } from '../../core/connectors/catalogue';
import { operationState } from '../../core/connectors/operations';
import { buildConnectorRequest, ConnectorArgError, connectorOptions, type ArgValue, type ConnectorOptions, type ConnectorRequest } from '../../core/connectors/request';
import { DEFAULT_BACKOFF } from '../../core/stdlib/catalogue';
import { WorkflowError, workflowError } from '../errors';
import type { ConnectorContext, ConnectorHandler, HttpClient, HttpResponse } from '../host';
import { isLoopbackHost } from '../http/networkPolicy';
import { decodeJson, fromJson, toJson } from '../json';
import { IDEMPOTENT_RETRY, NON_IDEMPOTENT_RETRY } from '../stdlib/retry';
import type { JsonValue } from '../value';
import { secretHelperRequest, secretHelperResult } from './secretHelpers';

/** Supplies OAuth2 access tokens for the given scopes (Application Default Credentials). */
export interface TokenProvider {
  token(scopes: readonly string[]): Promise<string>;
}

export interface LiveConnectorOptions {
  http: HttpClient;
  /** Replaces the scheme and host of Google's URLs, e.g. `http://127.0.0.1:9000`; the path stays Google's. */
  endpoint?: string;
  /** Created on the first request that leaves loopback. */
  tokens?: () => TokenProvider;
  /** One line per request. */
  log?(line: string): void;
  /** Ceiling of one request's timeout; Google's is 30 minutes. */
  requestTimeoutMs?: number;
}

/** Retries per policy, as `http.default_retry*`: max_retries 5. */
const MAX_RETRIES = 5;
const REQUEST_TIMEOUT_MS = 1_800_000;

export class LiveConnectors implements ConnectorHandler {
  private tokenProvider: TokenProvider | undefined;

  constructor(private readonly options: LiveConnectorOptions) {}

  async call(name: string, args: Record<string, JsonValue>, context: ConnectorContext): Promise<JsonValue> {
    const method = this.methodOf(name);
    try {
      const options = connectorOptions(args.connector_params as ArgValue);
      const deadline = context.clock.now() + options.timeout * 1000;
      if (method.data.helper) {
        const request = secretHelperRequest(method, args, context.env.projectId, this.options.endpoint);
        return secretHelperResult(method, await this.send(request, deadline, options, context));
      }
      const request = buildConnectorRequest(method, args as Record<string, ArgValue>, this.options.endpoint);
      const first = await this.send(request, deadline, options, context);
      if (!method.data.lro || options.skipPolling) return first;
      return await this.poll(method, new URL(request.url).origin, first, deadline, options, context);
    } catch (err) {
      if (err instanceof ConnectorArgError) throw workflowError(err.tag, `${name}: ${err.message}`);
      throw err;
    }
  }

  private methodOf(name: string): ConnectorMethod {
    const resolved = isConnectorNamespace(name) ? resolveConnector(name) : undefined;
    if (resolved?.kind !== 'method') throw workflowError('SystemError', `${name} is not a connector method the catalogue knows.`);
    const method = resolved.method;
    if (method.api.name === 'gke' || (method.data.helper && method.api.name !== 'secretmanager')) {
      throw workflowError('SystemError', `${name} cannot be called live from a local run: mock it in a workflow test.`);
    }
    return method;
  }

  /** Sends one request with the connector retry policy; returns the decoded JSON answer. */
  private async send(request: ConnectorRequest, deadline: number, options: ConnectorOptions, context: ConnectorContext): Promise<JsonValue> {
    const policy = request.method === 'GET' ? IDEMPOTENT_RETRY : NON_IDEMPOTENT_RETRY;
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - context.clock.now();
      if (remaining <= 0) throw workflowError('TimeoutError', `${request.method} ${request.url} did not complete within the connector timeout of ${options.timeout} s`);
      let response: HttpResponse;
      const started = Date.now();
      try {
        response = await this.options.http.send({
          method: request.method,
          url: request.url,
          headers: await this.headers(request, options),
          body: request.body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(request.body)),
          timeoutMs: Math.min(this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, remaining),
          signal: context.signal,
        });
      } catch (err) {
        const tag = transportTag(err);
        this.log(`${request.method} ${request.url} → ${tag ?? 'error'} (${Date.now() - started} ms)`);
        if (tag && (policy.tags as readonly string[]).includes(tag) && attempt < MAX_RETRIES) {
          await this.backoff(attempt, context);
          continue;
        }
        throw err;
      }
      this.log(`${request.method} ${request.url} → ${response.status} (${Date.now() - started} ms)`);
      if (response.status >= 400) {
        if ((policy.codes as readonly number[]).includes(response.status) && attempt < MAX_RETRIES) {
          await this.backoff(attempt, context);
          continue;
        }
        throw httpError(response);
      }
      return decodeAnswer(request, response);
    }
  }

  private async headers(request: ConnectorRequest, options: ConnectorOptions): Promise<Record<string, string>> {
    const headers: Record<string, string> = { 'user-agent': 'cloud-workflows-toolkit (local run, live connectors)' };
    if (request.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    if (isLoopbackHost(new URL(request.url).hostname)) return headers;
    try {
      this.tokenProvider ??= this.options.tokens?.();
      if (!this.tokenProvider) throw new Error('no credentials are configured');
      headers.authorization = `Bearer ${await this.tokenProvider.token(options.scopes)}`;
    } catch (err) {
      if (err instanceof WorkflowError) throw err;
      throw workflowError('AuthError', `could not get Application Default Credentials (${err instanceof Error ? err.message : String(err)}); run 'gcloud auth application-default login'`);
    }
    return headers;
  }

  private async backoff(attempt: number, context: ConnectorContext): Promise<void> {
    const delay = Math.min(DEFAULT_BACKOFF.initial_delay * DEFAULT_BACKOFF.multiplier ** attempt, DEFAULT_BACKOFF.max_delay);
    await context.clock.sleep(delay * 1000, context.signal);
  }

  /** Polls the operation (or job) until it is done, fails, or the connector timeout passes. */
  private async poll(method: ConnectorMethod, origin: string, first: JsonValue, deadline: number, options: ConnectorOptions, context: ConnectorContext): Promise<JsonValue> {
    let current = first;
    let delay = options.initialDelay;
    for (;;) {
      const state = operationState(current as ArgValue);
      if (state.kind === 'malformed') {
        throw workflowError('ResponseTypeError', `${method.fullName}: the long-running operation's answer has the wrong type: ${state.reason}`);
      }
      if (state.kind === 'done') {
        if (state.error === undefined) return current;
        throw workflowError('OperationError', `${method.fullName}: the long-running operation failed: ${errorText(state.error)}`, [['operation', fromJson(current)]]);
      }
      if (context.clock.now() + delay * 1000 > deadline) {
        throw workflowError('TimeoutError', `${method.fullName}: the long-running operation did not finish within the connector timeout of ${options.timeout} s`);
      }
      await context.clock.sleep(delay * 1000, context.signal);
      delay = Math.min(delay * options.multiplier, options.maxDelay);
      current = await this.send({ method: 'GET', url: this.pollUrl(method, origin, state) }, deadline, options, context);
    }
  }

  /** A selfLink (moved to the endpoint, if any), or the name under the version path at the first request's origin (a regional host stays regional). */
  private pollUrl(method: ConnectorMethod, origin: string, state: { url?: string; name?: string }): string {
    const endpoint = this.options.endpoint?.replace(/\/+$/, '');
    if (state.url) {
      const url = new URL(state.url);
      return endpoint ? `${endpoint}${url.pathname}${url.search}` : state.url;
    }
    const segments = method.data.url.split('/');
    const version = segments.findIndex((s) => /^v\d\w*$/.test(s));
    const prefix = segments.slice(0, version + 1).join('/');
    return `${origin}/${prefix}/${state.name}`;
  }

  private log(line: string): void {
    this.options.log?.(`connector: ${line}`);
  }
}

function transportTag(err: unknown): string | undefined {
  if (!(err instanceof WorkflowError) || !(err.value instanceof Map)) return undefined;
  const tags = err.value.get('tags');
  return Array.isArray(tags) && typeof tags[0] === 'string' ? tags[0] : undefined;
}

function bodyText(response: HttpResponse): string {
  return new TextDecoder().decode(response.body);
}

function decodeAnswer(request: ConnectorRequest, response: HttpResponse): JsonValue {
  const text = bodyText(response);
  if (text.trim() === '') return null;
  try {
    return toJson(decodeJson(text));
  } catch {
    const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw workflowError('ResponseTypeError', `${request.method} ${request.url} answered ${response.status} with a body that is not JSON: ${JSON.stringify(shown)}`);
  }
}

/** Google's error answer decoded when it is JSON; its `error.message` becomes part of the message. */
function httpError(response: HttpResponse): WorkflowError {
  const text = bodyText(response);
  let body: JsonValue = text;
  try {
    body = text.trim() === '' ? null : toJson(decodeJson(text));
  } catch {
    // Not JSON: the body stays text.
  }
  const detail = typeof body === 'object' && body !== null && !Array.isArray(body) ? errorText(body.error as ArgValue) : '';
  const headers: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(response.headers)) headers[k] = v;
  return workflowError('HttpError', `HTTP server responded with error code ${response.status}${detail ? `: ${detail}` : ''}`, [
    ['code', BigInt(response.status)],
    ['headers', fromJson(headers)],
    ['body', fromJson(body)],
  ]);
}

function errorText(error: ArgValue | undefined): string {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return '';
  if (typeof error.message === 'string') return error.message;
  if (Array.isArray(error.errors)) return error.errors.map((e) => errorText(e)).filter(Boolean).join('; ');
  return JSON.stringify(error);
}
