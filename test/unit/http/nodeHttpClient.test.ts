import * as assert from 'node:assert/strict';
import { WorkflowError } from '../../../src/engine/errors';
import type { HttpRequest, HttpResponse } from '../../../src/engine/host';
import { NodeHttpClient } from '../../../src/engine/http/nodeHttpClient';
import { allowHosts, isLoopbackHost } from '../../../src/engine/http/networkPolicy';
import type { Value } from '../../../src/engine/value';
import { closedPort, startTestServer, type TestServer } from './testServer';

function req(url: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', url, headers: {}, timeoutMs: 5000, ...extra };
}

async function failure(p: Promise<HttpResponse>): Promise<Value> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkflowError) return e.value;
    throw e;
  }
  return assert.fail('the request did not fail');
}

function err(tag: string, message: string): Value {
  return new Map<string, Value>([
    ['message', message],
    ['tags', [tag]],
  ]);
}

describe('NodeHttpClient', () => {
  let server: TestServer;
  const client = new NodeHttpClient();

  beforeEach(async () => {
    server = await startTestServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('sends the method, headers and body and returns status, lower-cased headers and bytes', async () => {
    const res = await client.send(req(`${server.url}/echo?x=1`, { method: 'post', headers: { 'Content-Type': 'text/plain', 'User-Agent': 'ua' }, body: new Uint8Array(Buffer.from('hi')) }));
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.equal(res.headers['x-custom'], 'yes');
    assert.equal(res.headers['set-cookie'], 'a=1, b=2');
    assert.deepEqual(JSON.parse(Buffer.from(res.body).toString()), { method: 'POST', url: '/echo?x=1', contentType: 'text/plain', userAgent: 'ua', body: 'hi' });
    assert.equal(server.requests[0].headers['content-length'], '2');
  });

  it('returns error statuses instead of throwing', async () => {
    const res = await client.send(req(`${server.url}/status/503`));
    assert.equal(res.status, 503);
    assert.equal(Buffer.from(res.body).toString(), '{"error":{"code":503,"message":"nope"}}');
  });

  it('follows redirects up to ten and returns the eleventh as it is', async () => {
    const ten = await client.send(req(`${server.url}/redirect/10`));
    assert.equal(ten.status, 200);
    const eleven = await client.send(req(`${server.url}/redirect/11`));
    assert.equal(eleven.status, 302);
    assert.equal(eleven.headers.location, '/redirect/0?code=302');
    assert.equal(server.requests.length, 11 + 11);
  });

  it('turns a POST into a GET after 303 and keeps it after 307', async () => {
    const body = new Uint8Array(Buffer.from('payload'));
    const seeOther = await client.send(req(`${server.url}/see-other`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } }));
    assert.deepEqual(JSON.parse(Buffer.from(seeOther.body).toString()), { method: 'GET', url: '/echo', contentType: null, userAgent: null, body: '' });
    const temporary = await client.send(req(`${server.url}/redirect/1?code=307`, { method: 'POST', body }));
    assert.deepEqual(JSON.parse(Buffer.from(temporary.body).toString()), { method: 'POST', body: 'payload' });
  });

  it('raises ConnectionFailedError for a refused port', async () => {
    const port = await closedPort();
    assert.deepEqual(
      await failure(client.send(req(`http://127.0.0.1:${port}/`))),
      err('ConnectionFailedError', `could not connect to http://127.0.0.1:${port}: connection refused`),
    );
  });

  it('raises TimeoutError when the response does not finish in time', async () => {
    assert.deepEqual(
      await failure(client.send(req(`${server.url}/hang`, { timeoutMs: 200 }))),
      err('TimeoutError', `HTTP request to ${server.url}/hang timed out after 0.2 seconds`),
    );
    assert.deepEqual(
      await failure(client.send(req(`${server.url}/slow`, { timeoutMs: 200 }))),
      err('TimeoutError', `HTTP request to ${server.url}/slow timed out after 0.2 seconds`),
    );
  });

  it('raises ConnectionError when the connection breaks mid-response', async () => {
    assert.deepEqual(
      await failure(client.send(req(`${server.url}/broken`))),
      err('ConnectionError', `the connection to ${server.url} broke while reading the response`),
    );
  });

  it('raises a catchable ResourceLimitError for a response over 2 MB', async () => {
    const value = await failure(client.send(req(`${server.url}/big`)));
    assert.deepEqual(value, err('ResourceLimitError', `the HTTP response from ${server.url}/big is larger than the 2 MB limit`));
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = client.send(req(`${server.url}/hang`, { signal: controller.signal }));
    controller.abort(new Error('cancelled'));
    await assert.rejects(pending, { message: 'cancelled' });
  });

  it('refuses hosts outside the network policy before connecting', async () => {
    assert.deepEqual(
      await failure(client.send(req('https://api.example.com/v1'))),
      err(
        'ConnectionFailedError',
        "the local emulator's network policy refused a connection to api.example.com; allow it with the setting cloudWorkflows.emulator.allowHttpHosts or the CLI flag --allow-http api.example.com",
      ),
    );
    const strict = new NodeHttpClient({ allowHost: () => false });
    assert.deepEqual(
      await failure(strict.send(req(`${server.url}/echo`))),
      err(
        'ConnectionFailedError',
        "the local emulator's network policy refused a connection to 127.0.0.1; allow it with the setting cloudWorkflows.emulator.allowHttpHosts or the CLI flag --allow-http 127.0.0.1",
      ),
    );
    assert.equal(server.requests.length, 0);
  });

  it('checks redirect targets against the policy too', async () => {
    const onlyIp = new NodeHttpClient({ allowHost: (h) => h === '127.0.0.1' });
    const res = await onlyIp.send(req(`${server.url}/redirect/1`));
    assert.equal(res.status, 200);
    assert.deepEqual(
      await failure(new NodeHttpClient({ allowHost: (h) => h === '127.0.0.1' }).send(req(`http://localhost:${server.port}/echo`))),
      err(
        'ConnectionFailedError',
        "the local emulator's network policy refused a connection to localhost; allow it with the setting cloudWorkflows.emulator.allowHttpHosts or the CLI flag --allow-http localhost",
      ),
    );
  });

  it('refuses URLs that are not http or https', async () => {
    assert.deepEqual(await failure(client.send(req('ftp://127.0.0.1/x'))), err('ConnectionFailedError', 'cannot connect to ftp://127.0.0.1/x: only http and https URLs are supported'));
  });
});

describe('network policy', () => {
  it('knows loopback hosts', () => {
    for (const h of ['localhost', 'LOCALHOST', 'api.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(h), true, h);
    for (const h of ['example.com', '10.0.0.1', '127.0.0.256', '0.0.0.0', 'localhost.example.com', '::2']) assert.equal(isLoopbackHost(h), false, h);
  });

  it('allows listed hosts, wildcard subdomains and everything for *', () => {
    const policy = allowHosts(['api.example.com', '*.corp.test', 'Other.Test:8443']);
    assert.equal(policy('api.example.com'), true);
    assert.equal(policy('API.EXAMPLE.COM'), true);
    assert.equal(policy('x.corp.test'), true);
    assert.equal(policy('corp.test'), false);
    assert.equal(policy('other.test'), true);
    assert.equal(policy('example.com'), false);
    assert.equal(policy('127.0.0.1'), true);
    assert.equal(allowHosts(['*'])('anything.example'), true);
    assert.equal(allowHosts([])('example.com'), false);
  });
});
