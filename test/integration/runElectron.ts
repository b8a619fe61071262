/**
 * Runs the integration suite in a desktop VS Code downloaded by `@vscode/test-electron`
 * (`npm run test:electron`). It needs to reach Microsoft's download server, so CI here uses the
 * code-server runner (`scripts/vscode/runIntegration.ts`) on the same compiled suite instead.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // Compiled to out/test/integration/runElectron.js: the repo root is three folders up.
  const extensionDevelopmentPath = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.resolve(__dirname, 'index');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-electron-'));
  fs.cpSync(path.join(extensionDevelopmentPath, 'test', 'integration', 'fixtures', 'workspace'), workspace, { recursive: true });
  const example = path.join(extensionDevelopmentPath, 'examples', 'parent-child');
  if (fs.existsSync(example)) {
    for (const file of fs.readdirSync(example).filter((f) => /\.ya?ml$/.test(f))) {
      fs.copyFileSync(path.join(example, file), path.join(workspace, file));
    }
  }
  try {
    await runTests({
      version: process.env.CW_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
