import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAUNCH_ATTRIBUTES } from '../../../src/dap/launchArgs';

const PACKAGE = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: {
    debuggers: {
      type: string;
      configurationAttributes: { launch: { properties: Record<string, unknown>; required?: string[] } };
      configurationSnippets: { label: string; body: Record<string, unknown> }[];
    }[];
  };
};

describe('dap: the cloud-workflows debugger contribution', () => {
  it('describes exactly the launch attributes the adapter reads', () => {
    const [debuggerType] = PACKAGE.contributes.debuggers;
    assert.equal(debuggerType.type, 'cloud-workflows');
    assert.deepEqual(Object.keys(debuggerType.configurationAttributes.launch.properties).sort(), [...LAUNCH_ATTRIBUTES].sort());
    // `program` may be left out when `testFile` names the workflow: the adapter says what is missing.
    assert.equal(debuggerType.configurationAttributes.launch.required, undefined);
  });

  it('offers launch.json snippets that use only those attributes, one of them debugging a test', () => {
    const [debuggerType] = PACKAGE.contributes.debuggers;
    const allowed = new Set<string>(['type', 'request', 'name', ...LAUNCH_ATTRIBUTES]);
    assert.deepEqual(
      debuggerType.configurationSnippets.map((s) => [s.label, Object.keys(s.body).filter((k) => !allowed.has(k))]),
      [
        ['Cloud Workflows: Debug', []],
        ['Cloud Workflows: Debug with children and env', []],
        ['Cloud Workflows: Debug a workflow test', []],
      ],
    );
    const test = debuggerType.configurationSnippets[2].body;
    assert.deepEqual([test.testFile, test.test, test.program], ['^"\\${workspaceFolder}/${1:workflow.workflows.test.yaml}"', '${2:test name}', undefined]);
  });
});
