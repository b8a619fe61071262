import * as assert from 'node:assert/strict';
import { NodeHttpClient } from '../../../src/engine/http/nodeHttpClient';
import { DEFAULT_USER_AGENT } from '../../../src/engine/stdlib/http';
import type { Value } from '../../../src/engine/value';
import { closedPort, startTestServer, type TestServer } from '../http/testServer';
import { bytes, call, callError, err, fakeHost, map } from './fakeHost';

/** Positional arguments of http.get/post/...: url, timeout, body, headers, query, auth, private_service_name. */
function args(url: string, named: { timeout?: Value; body?: Value; headers?: Value; query?: Value; auth?: Value } = {}): (Value | undefined)[] {
  return [url, named.timeout, named.body, named.headers, named.query, named.auth, undefined];
}

describe('http functions', () => {
  let server: TestServer;
  const host = fakeHost({ http: new NodeHttpClient() }).host;

  beforeEach(async () => {
    server = await startTestServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('http.get returns body, code and lower-cased headers, decoding JSON', async () => {
    const res = (await call('http.get', args(`${server.url}/echo`), host)) as Map<string, Value>;
    assert.deepEqual([...res.keys()], ['body', 'code', 'headers']);
    assert.deepEqual(res.get('body'), map({ method: 'GET', url: '/echo', contentType: null, userAgent: DEFAULT_USER_AGENT, body: '' }));
    assert.equal(res.get('code'), 200n);
    const headers = res.get('headers') as Map<string, Value>;
    assert.equal(headers.get('content-type'), 'application/json');
    assert.equal(headers.get('x-custom'), 'yes');
  });

  it('appends query parameters of any scalar type and lists', async () => {
    const query = map({ q: 'a b', n: 5n, d: 1.5, ok: true, many: ['x', 2n], skip: null });
    const res = (await call('http.get', args(`${server.url}/echo?first=1`, { query }), host)) as Map<string, Value>;
    assert.equal((res.get('body') as Map<string, Value>).get('url'), '/echo?first=1&q=a+b&n=5&d=1.5&ok=true&many=x&many=2');
    assert.deepEqual(
      await callError('http.get', args(`${server.url}/echo`, { query: map({ m: map({}) }) }), host),
      err('TypeError', 'http.get: query parameter "m" must be a string, number or boolean, got map'),
    );
  });

  it('sends maps as JSON with a JSON content type when none is given', async () => {
    const res = (await call('http.post', args(`${server.url}/echo`, { body: map({ a: 1n, b: [true] }) }), host)) as Map<string, Value>;
    assert.deepEqual(res.get('body'), map({ method: 'POST', url: '/echo', contentType: 'application/json; charset=utf-8', userAgent: DEFAULT_USER_AGENT, body: '{"a":1,"b":[true]}' }));
  });

  it('sends strings as JSON without a content type and as text with a text type', async () => {
    const json = (await call('http.put', args(`${server.url}/echo`, { body: 'hi' }), host)) as Map<string, Value>;
    assert.equal((json.get('body') as Map<string, Value>).get('body'), '"hi"');
    const text = (await call('http.patch', args(`${server.url}/echo`, { body: 'hi', headers: map({ 'Content-Type': 'text/plain' }) }), host)) as Map<string, Value>;
    const echoed = text.get('body') as Map<string, Value>;
    assert.deepEqual([echoed.get('method'), echoed.get('contentType'), echoed.get('body')], ['PATCH', 'text/plain', 'hi']);
    const form = (await call('http.post', args(`${server.url}/echo`, { body: 'a=1&b=2', headers: map({ 'content-type': 'application/x-www-form-urlencoded' }) }), host)) as Map<string, Value>;
    assert.equal((form.get('body') as Map<string, Value>).get('body'), 'a=1&b=2');
    assert.deepEqual(
      await callError('http.post', args(`${server.url}/echo`, { body: map({}), headers: map({ 'Content-Type': 'text/csv' }) }), host),
      err('TypeError', 'http.post: a body sent as text/csv must be a string, got map'),
    );
  });

  it('sends bytes as application/octet-stream', async () => {
    const res = (await call('http.post', args(`${server.url}/echo`, { body: bytes('raw') }), host)) as Map<string, Value>;
    const echoed = res.get('body') as Map<string, Value>;
    assert.deepEqual([echoed.get('contentType'), echoed.get('body')], ['application/octet-stream', 'raw']);
  });

  it('appends the Google user agent to the caller\'s', async () => {
    const res = (await call('http.get', args(`${server.url}/echo`, { headers: map({ 'User-Agent': 'my-app/1.0' }) }), host)) as Map<string, Value>;
    assert.equal((res.get('body') as Map<string, Value>).get('userAgent'), `my-app/1.0 ${DEFAULT_USER_AGENT}`);
  });

  it('http.request uses the given method and ignores auth locally', async () => {
    const res = (await call('http.request', ['delete', `${server.url}/echo`, undefined, undefined, undefined, undefined, map({ type: 'OIDC' }), undefined], host)) as Map<string, Value>;
    assert.equal((res.get('body') as Map<string, Value>).get('method'), 'DELETE');
    assert.equal(server.requests[0].headers.authorization, undefined);
    assert.deepEqual(
      await callError('http.request', ['GET', `${server.url}/echo`, undefined, undefined, undefined, undefined, map({ type: 'Basic' }), undefined], host),
      err('ValueError', 'http.request: auth type must be "OIDC" or "OAuth2", got "Basic"'),
    );
  });

  it('decodes text as strings, other types as bytes, and big JSON integers exactly', async () => {
    assert.equal(((await call('http.get', args(`${server.url}/text`), host)) as Map<string, Value>).get('body'), 'héllo');
    assert.deepEqual(((await call('http.get', args(`${server.url}/bytes`), host)) as Map<string, Value>).get('body'), new Uint8Array([0, 1, 2, 255]));
    assert.equal(((await call('http.get', args(`${server.url}/bad-json`), host)) as Map<string, Value>).get('body'), 'not json');
    assert.deepEqual((await call('http.get', args(`${server.url}/no-content`), host)) as Map<string, Value>, map({ body: null, code: 204n, headers: map({ 'content-type': 'application/json', connection: 'close' }) }));
    assert.deepEqual(((await call('http.get', args(`${server.url}/big-int`), host)) as Map<string, Value>).get('body'), map({ id: 12345678901234567890, n: 9007199254740993n }));
  });

  it('raises an HttpError map for statuses of 400 and above', async () => {
    const value = (await callError('http.get', args(`${server.url}/status/404`), host)) as Map<string, Value>;
    assert.deepEqual([...value.keys()], ['message', 'tags', 'code', 'headers', 'body']);
    assert.equal(value.get('message'), 'HTTP server responded with error code 404');
    assert.deepEqual(value.get('tags'), ['HttpError']);
    assert.equal(value.get('code'), 404n);
    assert.equal((value.get('headers') as Map<string, Value>).get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(value.get('body'), map({ error: map({ code: 404n, message: 'nope' }) }));
  });

  it('passes transport errors through with their tags', async () => {
    const port = await closedPort();
    assert.deepEqual(
      await callError('http.get', args(`http://127.0.0.1:${port}/`), host),
      err('ConnectionFailedError', `could not connect to http://127.0.0.1:${port}: connection refused`),
    );
    assert.deepEqual(
      await callError('http.get', args(`${server.url}/hang`, { timeout: 0.2 }), host),
      err('TimeoutError', `HTTP request to ${server.url}/hang timed out after 0.2 seconds`),
    );
  });

  it('checks the URL, method, timeout and headers before sending', async () => {
    assert.deepEqual(await callError('http.get', args('not a url'), host), err('ValueError', 'http.get: invalid URL "not a url"'));
    assert.deepEqual(await callError('http.get', args('file:///etc/passwd'), host), err('ValueError', 'http.get: the URL must use http or https, got "file:///etc/passwd"'));
    assert.deepEqual(await callError('http.get', args(`${server.url}/`, { timeout: 1801n }), host), err('ValueError', 'http.get: timeout must be more than 0 and at most 1800 seconds, got 1801'));
    assert.deepEqual(await callError('http.get', args(`${server.url}/`, { timeout: 0n }), host), err('ValueError', 'http.get: timeout must be more than 0 and at most 1800 seconds, got 0'));
    assert.deepEqual(await callError('http.get', args(`${server.url}/`, { headers: 'x' }), host), err('TypeError', 'http.get: argument "headers" must be a map, got string'));
    assert.deepEqual(await callError('http.get', args(`${server.url}/`, { headers: map({ 'bad name': 'x' }) }), host), err('ValueError', 'http.get: invalid header name "bad name"'));
    assert.deepEqual(await callError('http.get', args(`${server.url}/`, { headers: map({ x: 'a\r\nb' }) }), host), err('ValueError', 'http.get: header "x" contains a line break'));
    assert.deepEqual(
      await callError('http.request', ['GE T', `${server.url}/`, undefined, undefined, undefined, undefined, undefined, undefined], host),
      err('ValueError', 'http.request: invalid HTTP method "GE T"'),
    );
    assert.equal(server.requests.length, 0);
  });
});
