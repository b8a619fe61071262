import * as assert from 'assert';
import * as path from 'node:path';
import { runApi } from './runHelpers';

suite('Run: activation stays light', () => {
  test('activating does not load the Google client bundle', async () => {
    const api = await runApi();
    assert.strictEqual(api.target().kind, 'emulator');
    const cloudBundle = path.join('dist', 'cloud.js');
    assert.deepStrictEqual(
      Object.keys(require.cache).filter((file) => file.endsWith(cloudBundle)),
      [],
    );
  });
});
