/**
 * Every standard-library function of Google Cloud Workflows as data (WORKFLOWS-LANGUAGE.md §3 and
 * §1.4). Parameter names are the documented ones and their order is the positional order used in
 * expressions and in list-form `args:`.
 */
import { define, opt, req, type Spec } from './defineFunctions';
import { TEXT_FUNCTION_TABLE } from './textFunctionTable';
import type { StdlibErrorTag, StdlibFunction, StdlibParam } from './types';

const TRANSPORT_ERRORS: StdlibErrorTag[] = ['HttpError', 'ConnectionError', 'ConnectionFailedError', 'TimeoutError', 'AuthError', 'TypeError', 'ValueError'];

function httpParams(method: boolean): StdlibParam[] {
  return [
    ...(method ? [req('method', 'The HTTP method, e.g. GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.')] : []),
    req('url', 'The http or https URL to call.'),
    opt('timeout', 'Request timeout in seconds, at most 1800.', '300'),
    opt('body', 'The request body; maps and lists are sent as JSON unless Content-Type says otherwise.'),
    opt('headers', 'Request headers as a map.'),
    opt('query', 'Query parameters as a map; values may be numbers or lists.'),
    opt('auth', 'Authentication: a map with type OIDC or OAuth2 and optional scopes or audience.'),
    opt('private_service_name', 'A Service Directory service name to reach a private endpoint.'),
  ];
}

function httpCall(verb: string): Spec {
  return {
    params: httpParams(false),
    blocking: true,
    returns: 'map{body, code, headers}',
    doc: `Sends an HTTP ${verb} request and returns the response body, status code and headers.`,
    errors: TRANSPORT_ERRORS,
  };
}

const helpers = define('', {
  int: {
    params: [req('arg', 'A string of decimal digits, a double (truncated toward zero) or an integer.')],
    returns: 'integer',
    doc: 'Converts a string or double to an integer.',
    errors: ['TypeError', 'ValueError'],
  },
  double: {
    params: [req('arg', 'A numeric string or an integer.')],
    returns: 'double',
    doc: 'Converts a string or integer to a double.',
    errors: ['TypeError', 'ValueError'],
  },
  string: {
    params: [req('arg', 'An integer, double, boolean or string.')],
    returns: 'string',
    doc: 'Converts an integer, double or boolean to a string.',
    errors: ['TypeError'],
  },
  keys: {
    params: [req('map', 'The map whose keys to list.')],
    returns: 'list<string>',
    doc: 'Returns the keys of a map as a list of strings.',
    errors: ['TypeError'],
  },
  len: {
    params: [req('arg', 'A string, list or map.')],
    returns: 'integer',
    doc: 'Returns the number of characters of a string, elements of a list or entries of a map.',
    errors: ['TypeError'],
  },
  default: {
    params: [req('val', 'The value to use unless it is null.'), req('defaultVal', 'The value to use when val is null.')],
    returns: 'any',
    doc: 'Returns val, or defaultVal when val is null.',
  },
  if: {
    params: [
      req('condition', 'A boolean; null counts as false.'),
      req('ifTrue', 'The result when the condition is true.'),
      req('ifFalse', 'The result when the condition is false or null.'),
    ],
    returns: 'any',
    doc: 'Returns ifTrue when condition is true and ifFalse when it is false or null.',
    errors: ['TypeError'],
  },
  get_type: {
    params: [req('arg', 'Any value.')],
    returns: 'string',
    doc: 'Returns the type name of a value: null, boolean, integer, double, string, bytes, list or map.',
  },
});

const base64 = define('base64', {
  encode: {
    params: [req('data', 'The bytes to encode.'), opt('padding', 'Whether to add = padding.', 'true')],
    returns: 'string',
    doc: 'Encodes bytes as a Base64 string.',
    errors: ['TypeError'],
  },
  decode: {
    params: [req('data', 'The Base64 string to decode.'), opt('padding', 'Whether the input is padded with =.', 'true')],
    returns: 'bytes',
    doc: 'Decodes a Base64 string to bytes.',
    errors: ['TypeError', 'ValueError'],
  },
});

const events = define('events', {
  create_callback_endpoint: {
    params: [opt('http_callback_method', 'The HTTP method the callback must use.', '"POST"')],
    blocking: true,
    returns: 'map{url}',
    doc: 'Creates a callback endpoint unique to this execution and returns its URL.',
    errors: ['TypeError', 'ValueError'],
  },
  await_callback: {
    params: [
      req('callback', 'The map returned by events.create_callback_endpoint.'),
      opt('timeout', 'Seconds to wait for a callback request.', '43200'),
    ],
    blocking: true,
    returns: 'map{http_request, received_time, type}',
    doc: 'Waits for a request to a callback endpoint and returns it.',
    errors: ['TimeoutError', 'TypeError', 'ValueError'],
  },
});

const executions = define('experimental.executions', {
  run: {
    params: [
      req('workflow_id', 'The ID of the workflow to run.'),
      opt('location', "The workflow's location; the caller's location by default."),
      opt('project_id', "The workflow's project; the caller's project by default."),
      opt('argument', 'The runtime argument: an integer, double, boolean, string, list or map.'),
    ],
    blocking: true,
    returns: 'any',
    doc: 'Runs another workflow, waits for it to finish and returns its result (deprecated: use the workflowexecutions connector).',
    errors: ['OperationError', 'TimeoutError', 'TypeError', 'ValueError'],
  },
  map: {
    params: [
      req('workflow_id', 'The ID of the workflow to run.'),
      req('arguments', 'A list with one runtime argument per execution.'),
      opt('location', "The workflow's location; the caller's location by default."),
      opt('project_id', "The workflow's project; the caller's project by default."),
    ],
    blocking: true,
    returns: 'list',
    doc: 'Runs a workflow once per argument in parallel and returns the results in argument order.',
    errors: ['OperationError', 'TimeoutError', 'TypeError', 'ValueError'],
  },
});

const hash = define('hash', {
  compute_checksum: {
    params: [req('data', 'The bytes to hash.'), req('algorithm', 'MD5, SHA1, SHA256, SHA384 or SHA512.')],
    returns: 'bytes',
    doc: 'Computes a checksum of bytes with the given algorithm.',
    errors: ['TypeError', 'ValueError'],
  },
  compute_hmac: {
    params: [req('key', 'The secret key bytes.'), req('data', 'The bytes to sign.'), req('algorithm', 'MD5, SHA1, SHA256, SHA384 or SHA512.')],
    returns: 'bytes',
    doc: 'Computes an HMAC of bytes with the given key and algorithm.',
    errors: ['TypeError', 'ValueError'],
  },
});

const http = define('http', {
  get: httpCall('GET'),
  post: httpCall('POST'),
  put: httpCall('PUT'),
  patch: httpCall('PATCH'),
  delete: httpCall('DELETE'),
  request: { ...httpCall('request with the given method'), params: httpParams(true) },
  default_retry_predicate: {
    params: [req('e', 'The error to judge.')],
    returns: 'boolean',
    doc: 'Returns true for HTTP 429, 502, 503 and 504 errors, ConnectionError, ConnectionFailedError and TimeoutError.',
  },
  default_retry_predicate_non_idempotent: {
    params: [req('e', 'The error to judge.')],
    returns: 'boolean',
    doc: 'Returns true for HTTP 429 and 503 errors and ConnectionFailedError, which are safe to retry for any method.',
  },
});

const json = define('json', {
  decode: {
    params: [req('data', 'JSON text as bytes or a string.')],
    returns: 'any',
    doc: 'Parses JSON text into a value.',
    errors: ['TypeError', 'ValueError'],
  },
  encode: {
    params: [req('data', 'The value to encode; bytes are not allowed.'), opt('indent', 'true for two spaces, or a number of spaces.', 'false')],
    returns: 'bytes',
    doc: 'Encodes a value as UTF-8 JSON bytes.',
    errors: ['TypeError', 'ValueError'],
  },
  encode_to_string: {
    params: [req('data', 'The value to encode; bytes are not allowed.'), opt('indent', 'true for two spaces, or a number of spaces.', 'false')],
    returns: 'string',
    doc: 'Encodes a value as a JSON string.',
    errors: ['TypeError', 'ValueError'],
  },
});

const list = define('list', {
  concat: {
    params: [req('objs', 'The list.'), req('val', 'The element to append.')],
    returns: 'list',
    doc: 'Returns a copy of the list with val appended at the end.',
    errors: ['TypeError'],
  },
  prepend: {
    params: [req('objs', 'The list.'), req('val', 'The element to insert first.')],
    returns: 'list',
    doc: 'Returns a copy of the list with val inserted at the start.',
    errors: ['TypeError'],
  },
});

const map = define('map', {
  get: {
    params: [req('map', 'The map to read.'), req('keys', 'A key, or a list of keys for a nested lookup.')],
    returns: 'any',
    doc: 'Returns the value at a key or nested key path, or null when a key is missing or a value on the way is not a map.',
    errors: ['TypeError'],
  },
  delete: {
    params: [req('map', 'The map.'), req('key', 'The key to remove.')],
    returns: 'map',
    doc: 'Returns a copy of the map without the key.',
    errors: ['TypeError'],
  },
  merge: {
    params: [req('first', 'The base map.'), req('second', 'The map whose entries are added or overwrite.')],
    returns: 'map',
    doc: 'Returns a copy of first with the entries of second added or overwriting.',
    errors: ['TypeError'],
  },
  merge_nested: {
    params: [req('first', 'The base map.'), req('second', 'The map merged in recursively.')],
    returns: 'map',
    doc: 'Returns a copy of first with second merged in, merging nested maps recursively.',
    errors: ['TypeError'],
  },
});

const math = define('math', {
  abs: { params: [req('x', 'A number.')], returns: 'number', doc: 'Returns the absolute value of a number.', errors: ['TypeError', 'ValueError'] },
  floor: { params: [req('x', 'A number.')], returns: 'integer', doc: 'Returns the largest integer not greater than a number.', errors: ['TypeError', 'ValueError'] },
  max: { params: [req('x', 'A number.'), req('y', 'A number.')], returns: 'number', doc: 'Returns the larger of two numbers.', errors: ['TypeError'] },
  min: { params: [req('x', 'A number.'), req('y', 'A number.')], returns: 'number', doc: 'Returns the smaller of two numbers.', errors: ['TypeError'] },
});

const retry = define('retry', {
  always: { params: [req('e', 'The error.')], returns: 'boolean', doc: 'A retry predicate that always retries.' },
  never: { params: [req('e', 'The error.')], returns: 'boolean', doc: 'A retry predicate that never retries.' },
});

const sys = define('sys', {
  get_env: {
    params: [req('name', 'The environment variable name.'), opt('default', 'The value when the variable is not set.', 'null')],
    returns: 'string',
    doc: 'Returns a built-in or user-defined environment variable of the workflow.',
    errors: ['TypeError'],
  },
  log: {
    params: [
      opt('data', 'The payload: a map is logged as JSON, anything else as text.'),
      opt('severity', 'DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT or EMERGENCY.', '"DEFAULT"'),
      opt('text', 'A payload always logged as text.'),
      opt('json', 'A map logged as JSON.'),
      opt('timeout', 'Seconds to wait for the log write.'),
    ],
    blocking: true,
    returns: 'null',
    doc: 'Writes one log entry; give exactly one of data, text or json.',
    errors: ['TypeError', 'ValueError', 'TimeoutError'],
  },
  now: { returns: 'double', doc: 'Returns the current time as Unix seconds with a fraction.' },
  sleep: {
    params: [req('seconds', 'Seconds to wait, at most 31536000.')],
    blocking: true,
    returns: 'null',
    doc: 'Pauses the execution for the given number of seconds.',
    errors: ['TypeError', 'ValueError'],
  },
  sleep_until: {
    params: [req('time', 'An RFC 3339 timestamp.')],
    blocking: true,
    returns: 'null',
    doc: 'Pauses the execution until the given time.',
    errors: ['TypeError', 'ValueError'],
  },
});

const time = define('time', {
  format: {
    params: [req('seconds', 'Unix time in seconds.'), opt('timezone', 'An IANA time zone name.', '"UTC"')],
    returns: 'string',
    doc: 'Formats Unix seconds as an RFC 3339 timestamp.',
    errors: ['TypeError', 'ValueError'],
  },
  parse: {
    params: [req('value', 'An RFC 3339 timestamp.')],
    returns: 'double',
    doc: 'Parses an RFC 3339 timestamp to Unix seconds.',
    errors: ['TypeError', 'ValueError'],
  },
});

const uuid = define('uuid', {
  generate: { returns: 'string', doc: 'Returns a random version 4 UUID string.' },
});

/** Every standard-library function, module by module. */
export const FUNCTION_TABLE: readonly StdlibFunction[] = [
  ...helpers,
  ...base64,
  ...events,
  ...executions,
  ...hash,
  ...http,
  ...json,
  ...list,
  ...map,
  ...math,
  ...retry,
  ...sys,
  ...TEXT_FUNCTION_TABLE,
  ...time,
  ...uuid,
];
