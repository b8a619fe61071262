import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  STDLIB_CONSTANTS,
  STDLIB_FUNCTIONS,
  STDLIB_MODULES,
  isConnectorName,
  isStdlibModule,
  lookupConstant,
  lookupFunction,
  requiredArity,
} from '../../../src/core/stdlib/catalogue';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'valid');

function paramNames(name: string): string[] {
  const fn = lookupFunction(name);
  assert.ok(fn, `${name} is in the catalogue`);
  return fn.params.map((p) => (p.optional ? `${p.name}?` : p.name));
}

describe('standard library catalogue', () => {
  it('lists every documented function exactly once', () => {
    const names = STDLIB_FUNCTIONS.map((f) => f.name);
    assert.deepEqual(names, [
      'int', 'double', 'string', 'keys', 'len', 'default', 'if', 'get_type',
      'base64.encode', 'base64.decode',
      'events.create_callback_endpoint', 'events.await_callback',
      'experimental.executions.run', 'experimental.executions.map',
      'hash.compute_checksum', 'hash.compute_hmac',
      'http.get', 'http.post', 'http.put', 'http.patch', 'http.delete', 'http.request',
      'http.default_retry_predicate', 'http.default_retry_predicate_non_idempotent',
      'json.decode', 'json.encode', 'json.encode_to_string',
      'list.concat', 'list.prepend',
      'map.get', 'map.delete', 'map.merge', 'map.merge_nested',
      'math.abs', 'math.floor', 'math.max', 'math.min',
      'retry.always', 'retry.never',
      'sys.get_env', 'sys.log', 'sys.now', 'sys.sleep', 'sys.sleep_until',
      'text.decode', 'text.encode', 'text.find_all', 'text.find_all_regex', 'text.match_regex',
      'text.replace_all', 'text.replace_all_regex', 'text.split', 'text.substring',
      'text.to_lower', 'text.to_upper', 'text.url_decode', 'text.url_encode', 'text.url_encode_plus',
      'time.format', 'time.parse',
      'uuid.generate',
    ]);
    assert.equal(new Set(names).size, names.length);
  });

  it('gives every function a well-formed entry', () => {
    for (const fn of STDLIB_FUNCTIONS) {
      const expectedName = fn.module === '' ? fn.name : `${fn.module}.${fn.name.slice(fn.module.length + 1)}`;
      assert.equal(fn.name, expectedName, fn.name);
      assert.match(fn.name, /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/, fn.name);
      assert.match(fn.doc, /^[A-Z].*\.$/, `${fn.name} doc is one sentence`);
      assert.ok(fn.returns.length > 0, `${fn.name} has a return type`);
      const params = fn.params.map((p) => p.name);
      assert.equal(new Set(params).size, params.length, `${fn.name} has distinct params`);
      for (const p of fn.params) {
        assert.match(p.name, /^[A-Za-z_][A-Za-z0-9_]*$/, `${fn.name}.${p.name}`);
        assert.ok(p.doc && /\.$/.test(p.doc), `${fn.name}.${p.name} has a doc sentence`);
        if (p.defaultText !== undefined) assert.equal(p.optional, true, `${fn.name}.${p.name} with a default is optional`);
      }
      if (fn.name !== 'sys.log') {
        const firstOptional = fn.params.findIndex((p) => p.optional);
        const lastRequired = fn.params.map((p) => !p.optional).lastIndexOf(true);
        assert.ok(firstOptional === -1 || firstOptional > lastRequired, `${fn.name} lists required params first`);
      }
      if (fn.module !== '') assert.ok(isStdlibModule(fn.module.split('.')[0]), `${fn.module} is a module`);
    }
  });

  it('keeps the documented arities and names', () => {
    assert.deepEqual(paramNames('text.substring'), ['source', 'start', 'end']);
    assert.equal(requiredArity(lookupFunction('text.substring')!), 3);
    assert.deepEqual(paramNames('text.split'), ['source', 'separator']);
    assert.deepEqual(paramNames('text.find_all'), ['source', 'substr']);
    assert.deepEqual(paramNames('text.replace_all_regex'), ['source', 'regexp', 'repl']);
    assert.deepEqual(paramNames('map.get'), ['map', 'keys']);
    assert.deepEqual(paramNames('default'), ['val', 'defaultVal']);
    assert.deepEqual(paramNames('if'), ['condition', 'ifTrue', 'ifFalse']);
    assert.deepEqual(paramNames('sys.get_env'), ['name', 'default?']);
    assert.deepEqual(paramNames('sys.log'), ['data?', 'severity?', 'text?', 'json?', 'timeout?']);
    assert.deepEqual(paramNames('sys.sleep'), ['seconds']);
    assert.deepEqual(paramNames('sys.now'), []);
    assert.deepEqual(paramNames('uuid.generate'), []);
    assert.deepEqual(paramNames('list.concat'), ['objs', 'val']);
    assert.deepEqual(paramNames('hash.compute_hmac'), ['key', 'data', 'algorithm']);
    assert.deepEqual(paramNames('json.encode_to_string'), ['data', 'indent?']);
    assert.deepEqual(paramNames('time.format'), ['seconds', 'timezone?']);
    assert.deepEqual(paramNames('http.get'), ['url', 'timeout?', 'body?', 'headers?', 'query?', 'auth?', 'private_service_name?']);
    assert.deepEqual(paramNames('http.request'), ['method', 'url', 'timeout?', 'body?', 'headers?', 'query?', 'auth?', 'private_service_name?']);
    assert.deepEqual(paramNames('events.await_callback'), ['callback', 'timeout?']);
    assert.deepEqual(paramNames('experimental.executions.run'), ['workflow_id', 'location?', 'project_id?', 'argument?']);
  });

  it('marks exactly the documented functions as blocking', () => {
    const blocking = STDLIB_FUNCTIONS.filter((f) => f.blocking).map((f) => f.name);
    assert.deepEqual(blocking, [
      'events.create_callback_endpoint', 'events.await_callback',
      'experimental.executions.run', 'experimental.executions.map',
      'http.get', 'http.post', 'http.put', 'http.patch', 'http.delete', 'http.request',
      'sys.log', 'sys.sleep', 'sys.sleep_until',
    ]);
  });

  it('describes the built-in retry policies and the default backoff', () => {
    assert.deepEqual(STDLIB_CONSTANTS.map((c) => c.name), ['http.default_retry', 'http.default_retry_non_idempotent', 'retry.default_backoff']);
    const backoff = { initial_delay: 1, max_delay: 60, multiplier: 1.25 };
    assert.deepEqual(lookupConstant('http.default_retry')?.definition, { predicate: 'http.default_retry_predicate', max_retries: 5, backoff });
    assert.deepEqual(lookupConstant('http.default_retry_non_idempotent')?.definition, {
      predicate: 'http.default_retry_predicate_non_idempotent',
      max_retries: 5,
      backoff,
    });
    assert.deepEqual(lookupConstant('retry.default_backoff')?.definition, backoff);
    for (const c of STDLIB_CONSTANTS) {
      if (c.kind === 'retryPolicy') assert.ok(lookupFunction(c.definition.predicate), `${c.name} names a predicate function`);
      assert.equal(lookupFunction(c.name), undefined, `${c.name} is not callable`);
    }
    assert.equal(lookupConstant('http.get'), undefined);
  });

  it('lists the module roots and nothing else', () => {
    assert.deepEqual([...STDLIB_MODULES].sort(), ['base64', 'events', 'experimental', 'hash', 'http', 'json', 'list', 'map', 'math', 'retry', 'sys', 'text', 'time', 'uuid']);
    assert.equal(isStdlibModule('http'), true);
    assert.equal(isStdlibModule('googleapis'), false);
    assert.equal(isStdlibModule('len'), false);
  });

  it('returns undefined for unknown names', () => {
    assert.equal(lookupFunction('text.sqrt'), undefined);
    assert.equal(lookupFunction('math.sqrt'), undefined);
    assert.equal(lookupFunction('bool'), undefined);
    assert.equal(lookupFunction('toString'), undefined);
    assert.equal(lookupFunction('__proto__'), undefined);
  });

  describe('connectors', () => {
    it('recognises connector-shaped names', () => {
      const good = [
        'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run',
        'googleapis.storage.v1.objects.get',
        'googleapis.dataflow.v1b3.projects.locations.templates.create',
        'googleapis.securitycenter.v1p1beta1.organizations.sources.list',
        'googleapis.aiplatform.v1beta1.projects.locations.endpoints.predict',
        'googleapis.run.v2alpha1.projects.locations.jobs.run',
        'googleapis.storagetransfer.v1.transferJobs.create',
      ];
      for (const name of good) assert.equal(isConnectorName(name), true, name);
      const bad = [
        'googleapis.storage.v1.get',
        'googleapis.storage.objects.get',
        'googleapis.Storage.v1.objects.get',
        'googleapis.storage.version1.objects.get',
        'googleapis.storage.v1.objects.get.',
        'http.get',
        'storage.v1.objects.get',
      ];
      for (const name of bad) assert.equal(isConnectorName(name), false, name);
    });

    it('accepts every connector called in the corpus', function () {
      if (!fs.existsSync(CORPUS)) this.skip();
      const names = new Set<string>();
      for (const file of fs.readdirSync(CORPUS)) {
        if (!/\.(ya?ml|json)$/.test(file)) continue;
        for (const m of fs.readFileSync(path.join(CORPUS, file), 'utf8').matchAll(/"?call"?:\s*"?(googleapis\.[A-Za-z0-9_.]+)/g)) names.add(m[1]);
      }
      assert.ok(names.size > 30, `found ${names.size} connector names`);
      for (const name of names) assert.equal(isConnectorName(name), true, name);
    });
  });
});
