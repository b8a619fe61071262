/**
 * `cloud-workflows lint`: checks workflow sources with the same validator the editor uses and
 * prints one line per finding (or one JSON array). Exit status: 0 when there is no error
 * (warnings are fine), 1 when any error is found, 2 for a usage or I/O problem.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'node:util';
import type { Diagnostic } from '../core/diagnostic';
import { LineIndex, type Range } from '../core/location';
import { looksLikeWorkflow } from '../core/model/detect';
import { lintText } from '../core/validate';

const USAGE = `usage: cloud-workflows lint [--format text|json] <file-or-dir>...

Checks Google Cloud Workflows sources (YAML or JSON) for the mistakes Google Cloud rejects at
deploy time, and warns about likely ones. Directories are searched recursively for *.yaml, *.yml
and *.json files that look like workflows (node_modules and dot-folders are skipped); files named
explicitly are always checked.

options:
  --format text   one line per finding: file:line:col: severity code message (default)
  --format json   one JSON array of {file, severity, code, message, range} with 0-based positions
  -h, --help      show this help

exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O problem
`;

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Where output goes; tests pass their own. */
export interface LintIo {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: LintIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** One finding as the JSON output shows it. */
export interface LintRecord {
  file: string;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  range: Range;
}

interface Options {
  format: 'text' | 'json';
  paths: string[];
}

/** Runs the lint command; resolves to the exit code. */
export async function main(argv: string[], io: LintIo = STDIO): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    io.err(`cloud-workflows lint: ${options}\n${USAGE}`);
    return 2;
  }
  let ioProblem = false;
  const files: string[] = [];
  for (const given of options.paths) {
    try {
      if (fs.statSync(given).isDirectory()) files.push(...(await findWorkflows(given)));
      else files.push(given);
    } catch (err) {
      io.err(`cloud-workflows lint: cannot read '${given}': ${reason(err)}\n`);
      ioProblem = true;
    }
  }
  const records: LintRecord[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch (err) {
      io.err(`cloud-workflows lint: cannot read '${file}': ${reason(err)}\n`);
      ioProblem = true;
      continue;
    }
    const index = new LineIndex(text);
    for (const d of lintText(text, { format: formatOf(file) }).diagnostics) {
      records.push({ file, severity: d.severity, code: d.code, message: d.message, range: index.rangeOf(d.span) });
    }
  }
  if (options.format === 'json') io.out(JSON.stringify(records, null, 2) + '\n');
  else for (const r of records) io.out(textLine(r));
  if (ioProblem) return 2;
  return records.some((r) => r.severity === 'error') ? 1 : 0;
}

/** `file:line:col: severity code message`, 1-based for people and editors' problem matchers. */
export function textLine(r: LintRecord): string {
  return `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} ${r.code} ${r.message}\n`;
}

/**
 * Reads the arguments with `node:util`'s `parseArgs`, like the other commands. Its tokens are read
 * in order so that the first problem or `--help` wins, as the command has always done.
 */
function parseOptions(argv: string[]): Options | 'help' | string {
  const options: Options = { format: 'text', paths: [] };
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') options.paths.push(token.value);
    if (token.kind !== 'option') continue;
    const raw = argv[token.index];
    // `-hx` (a group of short flags) and `--help=x` are no options of this command.
    const whole = token.inlineValue ? raw.startsWith(`${token.rawName}=`) : raw === token.rawName;
    if (!whole || !(token.name in OPTIONS) || (token.name === 'help' && token.value !== undefined)) return `unknown option '${raw}'.`;
    if (token.name === 'help') return 'help';
    const value = token.value;
    if (value !== 'text' && value !== 'json') return `--format must be 'text' or 'json'${value === undefined ? '' : `, not '${value}'`}.`;
    options.format = value;
  }
  if (options.paths.length === 0) return 'name at least one file or directory to check.';
  return options;
}

const OPTIONS = {
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Workflow sources under `dir`, in a stable (sorted) order. */
async function findWorkflows(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = (await fs.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      found.push(...(await findWorkflows(full)));
    } else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      const text = await fs.promises.readFile(full, 'utf8').catch(() => undefined);
      // An unreadable file is kept so that reading it again reports the problem.
      if (text === undefined || looksLikeWorkflow(text, formatOf(full))) found.push(full);
    }
  }
  return found;
}

function formatOf(file: string): 'yaml' | 'json' {
  return path.extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}
