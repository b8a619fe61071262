/**
 * Runs the integration suite inside code-server's real Node extension host, driven by headless
 * Chromium. The web client takes the development and tests paths from the URL's `payload`, and
 * reports the suite's outcome through `window.codeAutomationExit(code)`.
 *
 * Usage: node --import tsx scripts/vscode/runIntegration.ts
 * Env: CW_NODE24 / CW_CODE_SERVER / CW_CHROMIUM (from provision.sh), CW_EXTENSION_PATH (default:
 * the repo root), CW_INTEGRATION_GREP (only tests whose title matches), CW_KEEP_SCRATCH=1.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConsoleMessage } from 'playwright-core';
import { launchChromium } from './browser';
import { extensionHostLogs, startCodeServer, toolsFromEnv, type CodeServer } from './codeServer';
import { compileIntegrationTests, ROOT } from './compileTests';
import { ARTIFACTS, scratchDir, writeStageResult, type StageResult } from './results';
import { waitFor } from './waitFor';

const STAGE = 'integration';
const RESULT_MARKER = 'CW_INTEGRATION_RESULT';
const REPORT_PREFIX = '[cw-mocha] ';
const SUITE_TIMEOUT_MS = Number(process.env.CW_INTEGRATION_SUITE_TIMEOUT ?? 10 * 60_000);

/** A temp copy of the fixture workspace plus the parent/child example workflows. */
function prepareWorkspace(scratch: string): string {
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'integration', 'fixtures', 'workspace'), workspace, { recursive: true });
  const example = path.join(ROOT, 'examples', 'parent-child');
  if (fs.existsSync(example)) {
    for (const file of fs.readdirSync(example).filter((f) => /\.ya?ml$/.test(f))) {
      fs.copyFileSync(path.join(example, file), path.join(workspace, file));
    }
  }
  return workspace;
}

/** The extension host's mocha line carried by a browser console message, if it is one. */
function reportLine(message: ConsoleMessage): string | undefined {
  const text = message.text();
  const at = text.indexOf(REPORT_PREFIX);
  return at >= 0 ? text.slice(at + REPORT_PREFIX.length) : undefined;
}

async function runSuite(server: CodeServer, extensionPath: string, suiteIndex: string, workspace: string, browserLog: fs.WriteStream): Promise<{ exitCode: number; result?: StageResult; screenshot: string }> {
  const browser = await launchChromium(toolsFromEnv().chromium);
  const screenshot = path.join(ARTIFACTS, 'integration-last.png');
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let exitCode: number | undefined;
    let result: StageResult | undefined;
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      exitCode = code;
    });
    page.on('console', (message) => {
      browserLog.write(`[${message.type()}] ${message.text()}\n`);
      const line = reportLine(message);
      if (line === undefined) return;
      if (line.startsWith(RESULT_MARKER)) {
        result = JSON.parse(line.slice(RESULT_MARKER.length)) as StageResult;
        return;
      }
      process.stdout.write(`${line}\n`);
    });
    page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(suiteIndex.replace(/\.js$/, ''))],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    try {
      await waitFor('the suite to finish (codeAutomationExit)', SUITE_TIMEOUT_MS, () => exitCode !== undefined);
    } finally {
      await page.screenshot({ path: screenshot }).catch(() => undefined);
    }
    return { exitCode: exitCode ?? 1, result, screenshot };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const tools = toolsFromEnv();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const extensionPath = path.resolve(process.env.CW_EXTENSION_PATH ?? ROOT);
  const suiteIndex = await compileIntegrationTests();
  const scratch = scratchDir('cw-integration-');
  const workspace = prepareWorkspace(scratch);
  const browserLogPath = path.join(ARTIFACTS, 'integration-browser.log');
  const browserLog = fs.createWriteStream(browserLogPath);
  const started = Date.now();
  console.log(`integration: code-server ${path.basename(path.dirname(path.dirname(path.dirname(tools.codeServer))))}, extension ${extensionPath}, workspace ${workspace}`);
  const server = await startCodeServer(tools, { root: scratch });
  let outcome: Awaited<ReturnType<typeof runSuite>> | undefined;
  try {
    outcome = await runSuite(server, extensionPath, suiteIndex, workspace, browserLog);
  } finally {
    await server.close();
    browserLog.end();
  }
  const hostLogs = extensionHostLogs(server.userDataDir);
  for (const log of hostLogs) fs.copyFileSync(log, path.join(ARTIFACTS, `integration-${path.basename(log)}`));
  const result = outcome.result ?? { passed: 0, failed: 1 };
  if (!outcome.result || outcome.exitCode !== 0 && result.failed === 0) {
    // The suite never reported (it failed to load, or the host crashed): count the stage as one failure.
    result.failed = Math.max(result.failed, 1);
  }
  writeStageResult(STAGE, { passed: result.passed, failed: result.failed });
  console.log(`integration: ${result.passed} passed, ${result.failed} failed, exit code ${outcome.exitCode} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.failed > 0) {
    console.log(`integration evidence: screenshot ${outcome.screenshot}`);
    console.log(`  browser console ${browserLogPath}`);
    console.log(`  code-server log ${server.logPath}`);
    for (const log of hostLogs) console.log(`  extension host log ${log}`);
  }
  if (!process.env.CW_KEEP_SCRATCH && result.failed === 0) fs.rmSync(scratch, { recursive: true, force: true });
  return result.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`integration runner crashed: ${error instanceof Error ? error.stack : String(error)}`);
    writeStageResult(STAGE, { passed: 0, failed: 1 });
    process.exit(1);
  },
);
