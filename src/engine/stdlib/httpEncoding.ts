/**
 * How `http.*` turns workflow values into request bytes and response bytes back into values
 * (WORKFLOWS-LANGUAGE.md §3.6).
 *
 * Request body [D]: with a JSON Content-Type (`application/json`, `application/<x>+json`) the body
 * is JSON-encoded; with `application/x-www-form-urlencoded` or `text/*` it must be a string (sent
 * as UTF-8). Without Content-Type, bytes go as `application/octet-stream` and anything else as
 * JSON with `application/json; charset=utf-8`. Bytes are always sent as they are. Choice for other
 * explicit types: strings go as UTF-8, other values as JSON.
 *
 * Response body: JSON types are decoded to values (an empty body is null; a body that is not
 * valid JSON stays a string); `text/*`, XML, JavaScript, form data and any type with a `charset`
 * become a string (UTF-8, with replacement characters for invalid bytes); everything else,
 * including a missing Content-Type, stays bytes. Header names are lower-cased, as Node reports
 * them and as HTTP/2 sends them.
 */
import { workflowError } from '../errors';
import { decodeJson, encodeJson } from '../json';
import type { Value, WfMap } from '../value';
import { typeOf } from '../value';

function mediaType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/**
 * Encodes a request body. `contentType` is the caller's Content-Type header, if any; the
 * result says which Content-Type to send when the caller gave none.
 */
export function encodeRequestBody(fn: string, body: Value, contentType: string | undefined): { bytes: Uint8Array; contentType?: string } {
  if (contentType === undefined) {
    if (body instanceof Uint8Array) return { bytes: body, contentType: 'application/octet-stream' };
    return { bytes: utf8(encodeJson(body)), contentType: 'application/json; charset=utf-8' };
  }
  if (body instanceof Uint8Array) return { bytes: body };
  const type = mediaType(contentType);
  if (isJsonType(type)) return { bytes: utf8(encodeJson(body)) };
  if (type === 'application/x-www-form-urlencoded' || type.startsWith('text/')) {
    if (typeof body !== 'string') {
      throw workflowError('TypeError', `${fn}: a body sent as ${type} must be a string, got ${typeOf(body)}`);
    }
    return { bytes: utf8(body) };
  }
  return { bytes: typeof body === 'string' ? utf8(body) : utf8(encodeJson(body)) };
}

const TEXT_TYPES = /^(text\/|application\/(xml|javascript|x-www-form-urlencoded)$|application\/[a-z0-9.+-]*\+xml$)/;

/** Decodes a response body by its Content-Type. */
export function decodeResponseBody(contentType: string | undefined, body: Uint8Array): Value {
  if (contentType === undefined) return body;
  const type = mediaType(contentType);
  const text = (): string => Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (isJsonType(type)) {
    if (body.length === 0) return null;
    try {
      return decodeJson(text());
    } catch {
      return text();
    }
  }
  if (TEXT_TYPES.test(type) || /;\s*charset=/i.test(contentType)) return text();
  return body;
}

/** Response headers as a workflow map with lower-cased names. */
export function headersToMap(headers: Record<string, string>): WfMap {
  const map: WfMap = new Map();
  for (const [k, v] of Object.entries(headers)) map.set(k.toLowerCase(), v);
  return map;
}
