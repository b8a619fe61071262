/**
 * `cloud-workflows run <file>`: deploys the file (and every workflow file of each `--dir`) to an
 * in-process emulator, runs it, and prints its outcome and the child executions it started.
 * Exit code: 0 SUCCEEDED, 1 FAILED or CANCELLED, 2 usage or deploy errors.
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Emulator, deployDirs, deployFile, workflowIdOf } from '../emulator';
import type { DeployFailure } from '../emulator';
import type { ExecutionRecord } from '../emulator/records';
import { formatDuration } from '../emulator/timeFormat';
import { LIVE_CONNECTORS_OPTIONS, LIVE_CONNECTORS_USAGE, liveConnectorsOption } from './liveConnectorsOption';
import { decodeJson, encodeJson, encodeJsonData, fromJson } from '../engine/json';
import type { JsonValue, Value } from '../engine/value';

const USAGE = `usage: cloud-workflows run <file> [options]

Runs a workflow on a local emulator and prints its result or error and its child executions.

options:
  --data <json>          the execution argument, as JSON text
  --data-file <path>     read the execution argument from a JSON file
  --dir <dir>            also deploy every workflow file in <dir> (ID = file name without
                         .workflows.yaml|.yaml|.yml|.json); repeatable
  --clock real|virtual   virtual: sys.sleep and retries complete at once (default real)
  --format text|json     output format (default text)
  --allow-http <host>    let http.* calls reach <host> besides loopback ('*' for any); repeatable
${LIVE_CONNECTORS_USAGE}  -h, --help             show this help
`;

/**
 * One execution in the JSON output. Arguments, results and errors are workflow values, printed
 * with the engine's JSON codec so integers keep every digit (JSON.stringify would round them).
 */
export interface RunReportExecution {
  name: string;
  workflowId: string;
  state: string;
  argument: Value;
  result: Value;
  error: Value;
  duration: string;
}

export interface RunReport extends RunReportExecution {
  startTime: string;
  endTime: string;
  children: RunReportExecution[];
}

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (err) {
    process.stderr.write(`cloud-workflows run: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const emu = new Emulator({
    clock: options.clock,
    allowHttpHost: options.allowHttp,
    liveConnectors: options.liveConnectors,
    onLog: (execution, entry) => process.stderr.write(`[${shortName(execution)}] ${entry.severity} ${encodeJsonData(entry.payload)}\n`),
  });
  const { failed } = deployDirs(emu, options.dirs);
  const main = deployFile(emu, options.file, options.workflowId);
  if ('problems' in main) failed.push(main);
  if (failed.length > 0) {
    reportDeployFailures(failed);
    return 2;
  }
  const started = emu.run(options.workflowId, options.data);
  const record = await emu.wait(String(started.name));
  const report = buildReport(emu, record);
  process.stdout.write(options.format === 'json' ? `${encodeJson(reportValue(report), 2)}\n` : textReport(report, options.clock === 'virtual'));
  return record.state === 'SUCCEEDED' ? 0 : 1;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'data-file': { type: 'string' },
      dir: { type: 'string', multiple: true },
      clock: { type: 'string' },
      format: { type: 'string' },
      'allow-http': { type: 'string', multiple: true },
      ...LIVE_CONNECTORS_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true as const, file: '', workflowId: '', dirs: [], clock: 'real' as const, format: 'text', allowHttp: [], data: undefined, liveConnectors: undefined };
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the workflow file to run' : `expected one workflow file, got ${positionals.length}`);
  const file = positionals[0];
  const workflowId = workflowIdOf(file);
  if (!workflowId) throw new UsageError(`${file}: not a workflow file (expected .yaml, .yml or .json)`);
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file`);
  const clock = values.clock ?? 'real';
  if (clock !== 'real' && clock !== 'virtual') throw new UsageError(`--clock must be real or virtual, got '${clock}'`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got '${format}'`);
  if (values.data !== undefined && values['data-file'] !== undefined) throw new UsageError('use --data or --data-file, not both');
  let data = values.data;
  if (values['data-file'] !== undefined) {
    try {
      data = fs.readFileSync(values['data-file'], 'utf8');
    } catch (err) {
      throw new UsageError(`${values['data-file']}: cannot read the file (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (data !== undefined) {
    try {
      decodeJson(data);
    } catch (err) {
      throw new UsageError(`the argument is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  let liveConnectors: ReturnType<typeof liveConnectorsOption>;
  try {
    liveConnectors = liveConnectorsOption(values, (line) => process.stderr.write(`${line}\n`));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  return { help: false as const, file, workflowId, dirs: values.dir ?? [], clock: clock as 'real' | 'virtual', format, allowHttp: values['allow-http'] ?? [], data, liveConnectors };
}

function reportDeployFailures(failed: DeployFailure[]): void {
  for (const f of failed) {
    if (f.problems.length === 0) process.stderr.write(`${f.message}\n`);
    for (const line of f.problems) process.stderr.write(`${line}\n`);
  }
  process.stderr.write(`cloud-workflows run: ${failed.length} file(s) failed to deploy\n`);
}

function decode(json: string | undefined): Value {
  return json === undefined ? null : decodeJson(json);
}

function errorOf(record: ExecutionRecord): Value {
  if (!record.error) return null;
  let payload: Value = record.error.payload;
  try {
    payload = decodeJson(record.error.payload);
  } catch {
    // A payload that is not JSON is shown as the text it is.
  }
  return new Map<string, Value>([
    ['payload', payload],
    ['context', record.error.context],
    ['stackTrace', fromJson(record.error.stackTrace as unknown as JsonValue)],
  ]);
}

function executionValue(e: RunReportExecution): Map<string, Value> {
  return new Map<string, Value>([
    ['name', e.name],
    ['workflowId', e.workflowId],
    ['state', e.state],
    ['argument', e.argument],
    ['result', e.result],
    ['error', e.error],
  ]);
}

/** The report as the value `--format json` prints, fields in the documented order. */
export function reportValue(report: RunReport): Value {
  const out = executionValue(report);
  out.set('startTime', report.startTime);
  out.set('endTime', report.endTime);
  out.set('duration', report.duration);
  out.set('children', report.children.map((c) => executionValue(c).set('duration', c.duration)));
  return out;
}

function execution(record: ExecutionRecord): RunReportExecution {
  const workflowId = record.name.split('/workflows/')[1].split('/')[0];
  return {
    name: record.name,
    workflowId,
    state: record.state,
    argument: decode(record.argument),
    result: decode(record.result),
    error: errorOf(record),
    duration: formatDuration((record.endTime ?? record.startTime) - record.startTime),
  };
}

/** The run and every execution it started, directly or through its children. */
export function buildReport(emu: Emulator, record: ExecutionRecord): RunReport {
  const children: RunReportExecution[] = [];
  const visit = (name: string): void => {
    for (const child of emu.children(name)) {
      children.push(execution(child));
      visit(child.name);
    }
  };
  visit(record.name);
  const { duration, ...rest } = execution(record);
  return {
    ...rest,
    startTime: new Date(record.startTime).toISOString(),
    endTime: new Date(record.endTime ?? record.startTime).toISOString(),
    duration,
    children,
  };
}

function shortName(name: string): string {
  const [, workflow, execution] = /workflows\/([^/]+)\/executions\/([^/]+)/.exec(name) ?? [];
  return workflow ? `${workflow}/${execution.slice(0, 8)}` : name;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function textReport(report: RunReport, virtual: boolean): string {
  const lines: string[] = [];
  lines.push(`${report.workflowId} ${report.state} in ${report.duration}${virtual ? ' (virtual clock)' : ''}`);
  lines.push(`execution: ${report.name}`);
  if (report.state === 'SUCCEEDED') {
    lines.push('result:', indent(encodeJson(report.result, 2), '  '));
  } else {
    lines.push('error:', indent(encodeJson(report.error, 2), '  '));
  }
  if (report.children.length > 0) {
    lines.push(`children (${report.children.length}):`);
    for (const c of report.children) {
      lines.push(`  ${c.workflowId} ${shortName(c.name).split('/')[1]} ${c.state} in ${c.duration}`);
      lines.push(`    argument: ${encodeJson(c.argument)}`);
      if (c.state === 'SUCCEEDED') lines.push(`    result: ${encodeJson(c.result)}`);
      else lines.push(`    error: ${encodeJson(c.error instanceof Map ? (c.error.get('payload') ?? null) : null)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
