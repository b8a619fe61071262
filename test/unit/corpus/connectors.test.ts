/**
 * The connector rules against the 327 public workflows: no connector error on any of them, and
 * every connector they call is a method the catalogue knows.
 */
import { deepStrictEqual, ok } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isConnectorNamespace, lookupConnectorMethod } from '../../../src/core/connectors/catalogue';
import { lintText } from '../../../src/core/validate';
import { connectorArgumentsRule } from '../../../src/core/validate/rules/connectorArguments';
import { connectorNamesRule } from '../../../src/core/validate/rules/connectorNames';
import { connectorParamsRule } from '../../../src/core/validate/rules/connectorParams';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'valid');
const FILES = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => /\.(ya?ml|json)$/.test(f)) : [];
const CONNECTOR_CODES = new Set<string>([...connectorNamesRule.codes, ...connectorArgumentsRule.codes, ...connectorParamsRule.codes]);

describe('valid corpus: connectors', () => {
  before(function () {
    if (FILES.length === 0) this.skip();
  });

  it('reports no connector error in any file', () => {
    const errors: string[] = [];
    let calls = 0;
    for (const file of FILES) {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const { diagnostics } = lintText(text, { format: file.endsWith('.json') ? 'json' : 'yaml' });
      calls += (text.match(/googleapis\.\w+\.\w+\.\w+|gke\.\w+\b/g) ?? []).length;
      for (const d of diagnostics) {
        const connector = CONNECTOR_CODES.has(d.code) && (d.code !== 'missing-argument' || /'(googleapis|gke)\./.test(d.message));
        if (connector && d.severity === 'error') errors.push(`${file}: ${d.message}`);
      }
    }
    ok(calls > 300, `the corpus calls connectors (${calls} references)`);
    deepStrictEqual(errors, []);
  });

  it('knows every connector method the corpus calls', () => {
    const names = new Set<string>();
    for (const file of FILES) {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      for (const m of text.matchAll(/"?call"?\s*:\s*["']?((?:googleapis|gke)\.[A-Za-z0-9_.]+)/g)) names.add(m[1]);
    }
    ok(names.size > 100, `found ${names.size} connector names`);
    deepStrictEqual([...names].filter((n) => isConnectorNamespace(n) && !lookupConnectorMethod(n)), []);
  });
});
