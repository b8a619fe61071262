/**
 * The `launch` request's arguments, checked one by one so a wrong launch.json gets one clear
 * sentence naming the attribute, never a crash.
 *
 * With `testFile` + `test`, the run is that test's, as `cloud-workflows test` runs it: the tested
 * workflow (so `program` may be left out; given, it must be the same file), the test's argument,
 * `env`, virtual `now`, mocks (the test's, then the file's) and child workflows. Precedence: an
 * explicit `argument`/`argumentJson` replaces the test's argument, an explicit `env` value
 * replaces the test's value of the same name, an explicit `workflows` replaces the test file's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeJson } from '../engine/json';
import type { Value } from '../engine/value';
import { workflowIdOf } from '../emulator/sourceDirs';
import { loadTestCase, type LoadedTestCase } from '../testing/loadTestFile';

export interface LaunchArgs {
  /** Absolute path of the workflow file to run. */
  program: string;
  /** The execution argument as JSON text, or undefined for none (null). */
  argumentJson: string | undefined;
  stopOnEntry: boolean;
  /** Absolute files and folders whose workflows child executions may run. */
  workflows: string[];
  /** `sys.get_env` values of the program (user environment variables). */
  env: Record<string, string>;
  clock: 'virtual' | 'real';
  /**
   * The test case the run is taken from (`testFile` + `test`), as the launch resolves it: its `env`
   * is the test's with the launch's `env` values laid over it.
   */
  testCase?: LoadedTestCase;
}

/** The attributes a launch configuration may carry (others, such as `type` or `name`, are ignored). */
export const LAUNCH_ATTRIBUTES = ['program', 'argument', 'argumentJson', 'stopOnEntry', 'workflows', 'testFile', 'test', 'env', 'clock'] as const;

export class LaunchError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the raw arguments; relative paths resolve against `cwd` (the launch `cwd` or the process's). */
export function parseLaunchArgs(raw: unknown): LaunchArgs {
  // A request without `arguments` is a launch with none.
  if (raw === undefined) raw = {};
  if (!isRecord(raw)) throw new LaunchError('The launch arguments must be an object.');
  const cwd = typeof raw.cwd === 'string' ? raw.cwd : process.cwd();
  const testCase = readTestCase(raw, cwd);
  const program = raw.program ?? testCase?.workflowPath;
  if (typeof program !== 'string' || program.trim() === '') throw new LaunchError('"program" is required: the path of the workflow file to debug (or give "testFile" and "test").');
  const file = path.resolve(cwd, program);
  if (!workflowIdOf(file)) throw new LaunchError(`"program" must be a workflow file (.yaml, .yml or .json): ${file}`);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new LaunchError(`"program" does not exist: ${file}`);
  if (testCase && !samePath(file, testCase.workflowPath)) {
    throw new LaunchError(`"program" (${file}) is not the workflow the test file tests (${testCase.workflowPath}): leave "program" out or name the same file.`);
  }

  let argumentJson: string | undefined;
  if (raw.argumentJson !== undefined) {
    // JSON text, for clients that hold the argument as text (big integers stay exact).
    if (typeof raw.argumentJson !== 'string') throw new LaunchError('"argumentJson" must be JSON text.');
    // Empty text is no argument, as in Run's input box.
    if (raw.argumentJson.trim() !== '') {
      try {
        JSON.parse(raw.argumentJson);
      } catch (e) {
        throw new LaunchError(`"argumentJson" is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      argumentJson = raw.argumentJson;
    }
  } else if (raw.argument !== undefined) {
    try {
      argumentJson = JSON.stringify(raw.argument);
    } catch (e) {
      throw new LaunchError(`"argument" cannot be encoded as JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else if (testCase?.argument !== undefined) {
    argumentJson = encodeJson(testCase.argument as Value);
  }
  if (raw.stopOnEntry !== undefined && typeof raw.stopOnEntry !== 'boolean') throw new LaunchError('"stopOnEntry" must be true or false.');

  let workflows = testCase ? testCase.workflowSources : [path.dirname(file)];
  if (raw.workflows !== undefined) {
    const list = typeof raw.workflows === 'string' ? [raw.workflows] : raw.workflows;
    if (!Array.isArray(list) || list.some((w) => typeof w !== 'string')) throw new LaunchError('"workflows" must be a list of workflow files or folders.');
    workflows = (list as string[]).map((w) => path.resolve(cwd, w));
    const missing = workflows.find((w) => !fs.existsSync(w));
    if (missing) throw new LaunchError(`"workflows" lists a path that does not exist: ${missing}`);
  }

  const env: Record<string, string> = {};
  if (raw.env !== undefined) {
    if (!isRecord(raw.env)) throw new LaunchError('"env" must be a map of names to string values.');
    for (const [k, v] of Object.entries(raw.env)) {
      if (typeof v !== 'string') throw new LaunchError(`"env.${k}" must be a string.`);
      env[k] = v;
    }
  }

  const clock = raw.clock ?? 'virtual';
  if (clock !== 'virtual' && clock !== 'real') throw new LaunchError(`"clock" must be "virtual" or "real", got ${JSON.stringify(clock)}.`);

  const resolvedTest = testCase && { ...testCase, env: new Map([...testCase.env, ...Object.entries(env)]) };
  return { program: file, argumentJson, stopOnEntry: raw.stopOnEntry === true, workflows, env, clock, testCase: resolvedTest };
}

/** The test case `testFile` + `test` name, or undefined when neither is given. */
function readTestCase(raw: Record<string, unknown>, cwd: string): LoadedTestCase | undefined {
  if (raw.testFile === undefined && raw.test === undefined) return undefined;
  if (typeof raw.testFile !== 'string' || typeof raw.test !== 'string') throw new LaunchError('"testFile" and "test" go together: the test file and the name of one of its tests.');
  const testFile = path.resolve(cwd, raw.testFile);
  if (!fs.existsSync(testFile) || !fs.statSync(testFile).isFile()) throw new LaunchError(`"testFile" does not exist: ${testFile}`);
  try {
    return loadTestCase(testFile, raw.test);
  } catch (e) {
    // The file's problems as `file:line:col: error code message` lines, or the unknown test and the names there are.
    throw new LaunchError(`The test "${raw.test}" cannot run:\n${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Paths compare case-insensitively where the file system usually is (Windows, macOS). */
function samePath(a: string, b: string): boolean {
  const norm = (p: string): string => (process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(p).toLowerCase() : path.resolve(p));
  return norm(a) === norm(b);
}
