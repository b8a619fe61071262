/**
 * Compiles `test/integration/**\/*.ts` with esbuild into `out/test/integration/`, one file per source
 * file. Code imported from `src/` is bundled in; `vscode` and npm packages (mocha, @vscode/test-electron)
 * stay `require`s, resolved from the repo's node_modules at run time.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SOURCE_DIR = path.join(ROOT, 'test', 'integration');
export const OUT_DIR = path.join(ROOT, 'out', 'test', 'integration');

/** Compiles the integration suite and returns the path of its compiled index. */
export async function compileIntegrationTests(): Promise<string> {
  const entryPoints = fs
    .readdirSync(SOURCE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith(`fixtures${path.sep}`))
    .map((file) => path.join(SOURCE_DIR, file));
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outbase: SOURCE_DIR,
    outdir: OUT_DIR,
    bundle: true,
    packages: 'external',
    external: ['vscode'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(OUT_DIR, 'index.js');
}

if (require.main === module) {
  compileIntegrationTests().then(
    (index) => console.log(`compiled integration tests: ${path.relative(ROOT, index)}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
