import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAUNCH_ATTRIBUTES } from '../../../src/dap/launchArgs';

const PACKAGE = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { debuggers: { type: string; configurationAttributes: { launch: { properties: Record<string, unknown>; required: string[] } } }[] };
};

describe('dap: the cloud-workflows debugger contribution', () => {
  it('describes exactly the launch attributes the adapter reads', () => {
    const [debuggerType] = PACKAGE.contributes.debuggers;
    assert.equal(debuggerType.type, 'cloud-workflows');
    assert.deepEqual(Object.keys(debuggerType.configurationAttributes.launch.properties).sort(), [...LAUNCH_ATTRIBUTES].sort());
    assert.deepEqual(debuggerType.configurationAttributes.launch.required, ['program']);
  });
});
