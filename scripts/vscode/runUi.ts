/**
 * UI tests: packages the VSIX, installs it into code-server, opens the parent/child example in
 * headless Chromium and runs the steps of `test/ui/parentChildFlow.ts` in order. A failing step
 * stops the flow (later steps depend on it) and leaves a screenshot and the page text.
 *
 * Usage: node --import tsx scripts/vscode/runUi.ts   (after `npm run build` and provision.sh)
 * Env: CW_UPDATE_DOC_IMAGES=1 copies the README screenshots into docs/images/ after a green run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAILING_TEST, PARENT_CHILD_FLOW, WORKSPACE_SETTINGS, type UiContext } from '../../test/ui/parentChildFlow';
import { Workbench } from '../../test/ui/workbench';
import { launchChromium } from './browser';
import { extensionHostLogs, installExtension, startCodeServer, toolsFromEnv } from './codeServer';
import { ROOT } from './compileTests';
import { ARTIFACTS, scratchDir, writeStageResult } from './results';

const STAGE = 'ui';
const UI_ARTIFACTS = path.join(ARTIFACTS, 'ui');
/** Screenshots worth showing in the README, copied on request after a green run. */
const DOC_IMAGES = ['02-problems.png', '04-children.png', '05-retried.png', '06-details.png', '07-debugger.png', '08-test-failure.png', '09-graph.png', '10-rename.png'];

function packageVsix(): string {
  const vsix = path.join(ROOT, '.cache', 'ui', 'cloud-workflows-toolkit.vsix');
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  // The bundle in dist/ is self-contained, so the VSIX needs no node_modules.
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`vsce package failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  console.log(`ui: packaged ${path.relative(ROOT, vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);
  return vsix;
}

function prepareWorkspace(scratch: string): string {
  const workspace = path.join(scratch, 'parent-child');
  fs.cpSync(path.join(ROOT, 'examples', 'parent-child'), workspace, { recursive: true });
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), `${JSON.stringify(WORKSPACE_SETTINGS, null, 2)}\n`);
  // A test that fails on purpose, for the Testing view's failure screenshot.
  fs.appendFileSync(path.join(workspace, 'workflow-parent.test.yaml'), FAILING_TEST);
  return workspace;
}

async function main(): Promise<number> {
  const tools = toolsFromEnv();
  fs.rmSync(UI_ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(UI_ARTIFACTS, { recursive: true });
  const started = Date.now();
  const scratch = scratchDir('cw-ui-');
  const vsix = packageVsix();
  installExtension(tools, { root: scratch }, vsix);
  const workspace = prepareWorkspace(scratch);
  const server = await startCodeServer(tools, { root: scratch });
  const browser = await launchChromium(tools.chromium);
  const browserLog = fs.createWriteStream(path.join(UI_ARTIFACTS, 'browser.log'));
  let passed = 0;
  let failed = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
    const workbench = new Workbench(page);
    const context: UiContext = {
      workbench,
      log: (message) => console.log(`      ${message.replace(/\n/g, '\n      ')}`),
      screenshot: async (name) => {
        const file = path.join(UI_ARTIFACTS, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
    };
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    console.log('\n  UI: the parent/child example in code-server');
    for (const [index, step] of PARENT_CHILD_FLOW.entries()) {
      const stepStarted = Date.now();
      try {
        await step.run(context);
        passed += 1;
        console.log(`    ✔ ${step.name} (${Date.now() - stepStarted} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`    ✘ ${step.name}`);
        console.log(`      ${(error instanceof Error ? error.message : String(error)).replace(/\n/g, '\n      ')}`);
        const shot = await context.screenshot(`failure-step-${index + 1}`).catch(() => '(screenshot failed)');
        const text = await workbench.text();
        const textFile = path.join(UI_ARTIFACTS, `failure-step-${index + 1}.txt`);
        fs.writeFileSync(textFile, text);
        console.log(`      screenshot: ${shot}`);
        console.log(`      page text (${textFile}):\n        ${text.slice(0, 1500).replace(/\n/g, '\n        ')}`);
        const notifications = await workbench.notifications().catch(() => '');
        if (notifications) console.log(`      notifications:\n        ${notifications.replace(/\n/g, '\n        ')}`);
        const skipped = PARENT_CHILD_FLOW.slice(index + 1).map((s) => s.name);
        if (skipped.length) console.log(`      not run (they depend on this step): ${skipped.join('; ')}`);
        break;
      }
    }
  } finally {
    await browser.close();
    await server.close();
    browserLog.end();
  }
  for (const log of extensionHostLogs(server.userDataDir)) {
    fs.copyFileSync(log, path.join(UI_ARTIFACTS, path.basename(log)));
  }
  writeStageResult(STAGE, { passed, failed });
  console.log(`\nui: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s; artifacts in ${UI_ARTIFACTS}`);
  if (failed > 0) console.log(`  code-server log ${server.logPath}`);
  if (failed === 0 && process.env.CW_UPDATE_DOC_IMAGES) {
    const docImages = path.join(ROOT, 'docs', 'images');
    fs.mkdirSync(docImages, { recursive: true });
    for (const image of DOC_IMAGES) fs.copyFileSync(path.join(UI_ARTIFACTS, image), path.join(docImages, image));
    console.log(`ui: copied ${DOC_IMAGES.join(', ')} into docs/images/`);
  }
  if (failed === 0) fs.rmSync(scratch, { recursive: true, force: true });
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ui runner crashed: ${error instanceof Error ? error.stack : String(error)}`);
    writeStageResult(STAGE, { passed: 0, failed: 1 });
    process.exit(1);
  },
);
