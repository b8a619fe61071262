/**
 * Fuzz targets shared by the bounded campaign in `npm test` (test/unit/reliability) and the long
 * one in `npm run fuzz` (test/fuzz/run.ts). Every target turns a generated input into one string
 * (so a failing input can be saved as a file and replayed) and checks properties that must hold
 * for ANY input: the function never throws, never takes longer than the target's time bound, and
 * always returns a well-formed result. A JavaScript exception escaping the interpreter (reported
 * by `runWorkflow` as a SystemError "Internal error: ...") counts as a failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseExpression } from '../../src/core/expr/parser';
import { buildGraph } from '../../src/core/graph/buildGraph';
import { toDot } from '../../src/core/graph/dot';
import { toMermaid } from '../../src/core/graph/mermaid';
import { parseWorkflow } from '../../src/core/model/parse';
import { parseTestFile, TEST_MESSAGES } from '../../src/core/testing';
import { layoutGraph } from '../../src/graph/layout';
import { completionsAt } from '../../src/core/language/completion';
import { connectorHoverAt } from '../../src/core/language/connectorHover';
import { connectorSignatureHelp } from '../../src/core/language/connectorSignatureHelp';
import { quickFixes } from '../../src/core/language/quickFixes';
import { SnippetCatalogue } from '../../src/core/language/snippets';
import { lintText } from '../../src/core/validate';
import { VirtualClock, runWorkflow } from '../../src/engine';
import { workflowError } from '../../src/engine/errors';
import type { ExecutionHost, ExecutionOutcome } from '../../src/engine/host';
import { corpusWorkflows } from './corpus';
import { expressionText, generatedWorkflow, yamlish } from './generators';
import { checkLspScript, lspScript } from './lspProtocol';
import { checkEditScript, editScripts } from './incrementalDifferential';
import { fastReaderAgrees } from './yamlDifferential';

export interface FuzzTarget {
  name: string;
  /** What the target feeds and what it checks, for reports. */
  description: string;
  /** Generates inputs as text. */
  input(): fc.Arbitrary<string>;
  /** Resolves when every property holds for `text`; rejects with the broken property otherwise. */
  check(text: string): Promise<void>;
}

/** Time bounds per input. Generous: the bound catches hangs, not slowness on a busy machine. */
export const TIME_BOUNDS_MS = { lint: 5_000, parse: 2_000, run: 10_000, lsp: 10_000 };

/** A test file using every key, the seed the test-file target mutates. */
const SAMPLE_TEST_FILE = `workflow: flow.workflows.yaml
workflows: [children, ../more]
env: {GOOGLE_CLOUD_PROJECT_ID: demo, N: 3}
now: "2026-01-01T00:00:00Z"
mocks:
  - call: http.get
    step: fetch
    args: {url: "https://x.test/a", query: {q: [1, 2]}}
    outcomes:
      - response: {code: 503, headers: {Retry-After: "1"}}
      - response: {code: 200, body: {ok: true}}
  - workflow: child
    raises: {message: boom, tags: [ValueError]}
tests:
  - name: one
    argument: {order: 7, items: [a, b]}
    mocks:
      - call: sys.now
        returns: 1.5
    expect:
      state: SUCCEEDED
      result: {ok: true}
      result_includes: {ok: true}
      steps: [a, b]
      calls: [{call: http.get, times: 2}, {workflow: child}]
      logs_include: [hello]
  - name: two
    expect:
      error: {tags: [HttpError], message: x, message_includes: y}
`;

/** Error tags a generated workflow may legitimately end with. */
const WORKFLOW_TAGS = new Set([
  'TypeError',
  'ValueError',
  'KeyError',
  'IndexError',
  'ZeroDivisionError',
  'RecursionError',
  'ResourceLimitError',
  'ParallelNestingError',
  'UnhandledBranchError',
  'ConnectionFailedError',
]);

function fail(message: string): never {
  throw new Error(message);
}

function checkSpan(span: { start: number; end: number }, length: number, what: string): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length)) {
    fail(`${what} has span ${JSON.stringify(span)} outside the text of length ${length}`);
  }
}

function timed<T>(bound: number, what: string, fn: () => T): T {
  const started = performance.now();
  const out = fn();
  const took = performance.now() - started;
  if (took > bound) fail(`${what} took ${Math.round(took)} ms, over the bound of ${bound} ms`);
  return out;
}

function checkLint(text: string): void {
  const { workflow, diagnostics } = timed(TIME_BOUNDS_MS.lint, 'lintText', () => lintText(text));
  if (!workflow || !Array.isArray(diagnostics)) fail('lintText returned no workflow or no diagnostic list');
  for (const d of diagnostics) {
    if (typeof d.code !== 'string' || d.code === '' || typeof d.message !== 'string' || d.message === '') {
      fail(`diagnostic without code or message: ${JSON.stringify(d)}`);
    }
    if (!['error', 'warning', 'information'].includes(d.severity)) fail(`diagnostic with severity ${String(d.severity)}`);
    checkSpan(d.span, text.length, `diagnostic ${d.code}`);
  }
  for (let i = 1; i < diagnostics.length; i++) {
    if (diagnostics[i].span.start < diagnostics[i - 1].span.start) fail('diagnostics are not sorted by offset');
  }
}

const noHttp = { send: () => Promise.reject(workflowError('ConnectionFailedError', 'No network while fuzzing')) };
const noConnectors = { call: (name: string) => Promise.reject(workflowError('ConnectionFailedError', `No connector ${name} while fuzzing`)) };

/** Runs `text` as a workflow on a virtual clock; the outcome, or a failure for an escaping fault. */
export async function runText(text: string, limits?: Parameters<typeof runWorkflow>[3]): Promise<ExecutionOutcome> {
  const workflow = parseWorkflow(text);
  const controller = new AbortController();
  const host: ExecutionHost = {
    clock: new VirtualClock(),
    http: noHttp,
    connectors: noConnectors,
    env: {
      projectId: 'fuzz',
      projectNumber: '1',
      location: 'us-central1',
      workflowId: 'fuzz',
      revisionId: '000001-fuz',
      executionId: 'e1',
      serviceAccount: 'fuzz@fuzz.iam.gserviceaccount.com',
      userEnvVars: {},
    },
    signal: controller.signal,
  };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new Error('fuzz time bound'));
      reject(new Error(`runWorkflow did not end within ${TIME_BOUNDS_MS.run} ms`));
    }, TIME_BOUNDS_MS.run);
  });
  try {
    return await Promise.race([runWorkflow(workflow, undefined, host, limits), hang]);
  } finally {
    clearTimeout(timer);
  }
}

function checkOutcome(outcome: ExecutionOutcome): void {
  if (outcome.state === 'SUCCEEDED') {
    JSON.parse(outcome.result);
    return;
  }
  if (outcome.state !== 'FAILED') fail(`unexpected state ${outcome.state}`);
  const error: unknown = JSON.parse(outcome.error.payload);
  // `raise` may raise any value (a string, null, a list): only built-in error maps carry tags.
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return;
  const tags = (error as { tags?: unknown }).tags;
  const message = String((error as { message?: unknown }).message);
  if (!Array.isArray(tags)) return;
  if (tags.includes('SystemError') || message.startsWith('Internal error')) fail(`interpreter fault: ${outcome.error.payload}`);
  for (const tag of tags) if (!WORKFLOW_TAGS.has(String(tag)) && !String(tag).startsWith('Custom')) fail(`unexpected error tag ${String(tag)}: ${message}`);
}

/** Line-level and character-level mutations of a corpus text. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 6, unit: fc.constantFrom(...'${}[]():"\'-#&*!|>,.\\ \t\n\u00e9\u{1F600}'.split(/(?:)/u)) }) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = lines.length === 0 ? 0 : m.at % lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 'swap': {
      const other = m.other % Math.max(1, lines.length);
      [lines[line], lines[other]] = [lines[other], lines[line]];
      return lines.join('\n');
    }
    case 'indent':
      lines[line] = m.by >= 0 ? ' '.repeat(m.by) + (lines[line] ?? '') : (lines[line] ?? '').replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
  }
}

/** Corpus workflows with one to four mutations. */
function mutatedCorpus(): fc.Arbitrary<string> {
  const corpus = corpusWorkflows();
  return fc
    .tuple(fc.nat({ max: corpus.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([i, ms]) => ms.reduce(applyMutation, corpus[i].text));
}

export const TARGETS: readonly FuzzTarget[] = [
  {
    name: 'lint-mutated-corpus',
    description: 'lintText on corpus workflows with lines deleted, duplicated, swapped, re-indented, characters inserted, or truncated',
    input: () => mutatedCorpus(),
    check: async (text) => checkLint(text),
  },
  {
    name: 'yaml-fast-differential',
    description: 'the fast YAML reader against the yaml package on mutated corpus workflows: the same model whenever it accepts',
    input: () => mutatedCorpus(),
    check: async (text) => {
      timed(TIME_BOUNDS_MS.lint, 'the fast reader and yaml', () => fastReaderAgrees(text));
    },
  },
  {
    name: 'incremental-differential',
    description: 'the incremental re-parse on a few random small edits of corpus workflows in a row: the model of a full parse whenever it takes an edit',
    input: () => editScripts(),
    check: async (text) => {
      timed(TIME_BOUNDS_MS.lint, 'the incremental re-parse', () => checkEditScript(text));
    },
  },
  {
    name: 'graph-mutated-corpus',
    description: 'buildGraph, Mermaid and DOT on mutated corpus workflows (and the layout of the small ones): unique node IDs, edges between known nodes, finite coordinates',
    input: () => mutatedCorpus(),
    check: async (text) => checkGraph(text),
  },
  {
    name: 'editing-mutated-corpus',
    description: 'completion, connector hover and signature help at 40 offsets, and the quick fixes of every diagnostic, on mutated corpus workflows: single-line ranges holding the cursor, edits inside the text',
    input: () => mutatedCorpus(),
    check: async (text) => checkEditing(text),
  },
  {
    name: 'lint-yamlish',
    description: 'lintText on arbitrary YAML-ish strings built from YAML and Workflows tokens',
    input: () => yamlish,
    check: async (text) => checkLint(text),
  },
  {
    name: 'expr-random',
    description: 'parseExpression on random strings over the expression alphabet',
    input: () => fc.string({ maxLength: 60, unit: fc.constantFrom(...'abxy_.0123456789 +-*/%<>=!()[]{},:"\'\\$#&|\t\n'.split('')) }),
    check: async (text) => checkParse(text, false),
  },
  {
    name: 'expr-grammar',
    description: 'parseExpression on grammar-generated expressions, which must all parse',
    input: () => expressionText,
    check: async (text) => checkParse(text, true),
  },
  {
    name: 'testfile-mutated',
    description: 'parseTestFile on a test file using every key, with lines deleted, duplicated, swapped, re-indented, characters inserted, or truncated',
    input: () => fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce(applyMutation, SAMPLE_TEST_FILE)),
    check: async (text) => checkTestFile(text),
  },
  {
    name: 'testfile-yamlish',
    description: 'parseTestFile on arbitrary YAML-ish strings',
    input: () => yamlish,
    check: async (text) => checkTestFile(text),
  },
  {
    name: 'run-generated',
    description: 'runWorkflow on generated small workflows (assign, switch, for, try/retry, raise, subworkflows, parallel) with random expressions, virtual clock',
    input: () => generatedWorkflow,
    check: async (text) => {
      const workflow = parseWorkflow(text);
      if (workflow.problems.length > 0) fail(`generated workflow does not parse: ${workflow.problems[0].message}`);
      checkOutcome(await runText(text));
    },
  },
  {
    name: 'lsp-protocol',
    description: 'the language server in process on scripts of malformed JSON-RPC bodies, random requests and edits with out-of-bounds or mistyped ranges: every request answered, and the final diagnostics equal a fresh check',
    input: () => lspScript,
    check: async (text) => checkLspScript(text, TIME_BOUNDS_MS.lsp),
  },
];

const SNIPPETS = new SnippetCatalogue((file) => fs.readFileSync(path.resolve(__dirname, '..', '..', 'snippets', file), 'utf8'));

function checkEditing(text: string): void {
  const format = text.trimStart().startsWith('{') ? 'json' : 'yaml';
  const { workflow, diagnostics } = lintText(text);
  const source = { text, format, workflow } as const;
  timed(TIME_BOUNDS_MS.lint, 'completion, hover and signature help', () => {
    for (let i = 0; i <= 40; i++) {
      const offset = Math.round((text.length * i) / 40);
      for (const item of completionsAt(source, offset, { snippets: SNIPPETS })) {
        checkSpan(item.range, text.length, `completion ${item.label}`);
        if (item.range.start > offset || offset > item.range.end || text.slice(item.range.start, item.range.end).includes('\n')) fail(`completion ${item.label} at ${offset} replaces ${JSON.stringify(item.range)}`);
      }
      const hover = connectorHoverAt(workflow, offset);
      if (hover) checkSpan(hover.span, text.length, 'connector hover');
      const help = connectorSignatureHelp(source, offset);
      if (help && !(help.activeParameter >= 0 && help.activeParameter <= Math.max(0, help.parameters.length - 1))) fail(`signature help with active parameter ${help.activeParameter}`);
    }
  });
  for (const d of diagnostics) for (const fix of quickFixes(source, d)) for (const edit of fix.edits) checkSpan(edit.span, text.length, `quick fix ${fix.title}`);
}

function checkTestFile(text: string): void {
  const { file, diagnostics } = timed(TIME_BOUNDS_MS.parse, 'parseTestFile', () => parseTestFile(text));
  if (!Array.isArray(file.tests) || !Array.isArray(file.mocks)) fail('parseTestFile returned no test or mock list');
  for (const d of diagnostics) {
    if (!(d.code in TEST_MESSAGES) || typeof d.message !== 'string' || d.message === '') fail(`diagnostic with an unknown code or no message: ${JSON.stringify(d)}`);
    checkSpan(d.span, text.length, `diagnostic ${d.code}`);
  }
  for (const t of file.tests) {
    checkSpan(t.nameSpan, text.length, `test ${t.name}`);
    for (const m of t.mocks) if (m.outcomes.length === 0) fail(`a mock of test ${t.name} has no outcome`);
  }
}

function checkGraph(text: string): void {
  const graph = timed(TIME_BOUNDS_MS.lint, 'buildGraph', () => buildGraph(parseWorkflow(text)));
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (ids.has(node.id)) fail(`duplicate node ID ${node.id}`);
    ids.add(node.id);
    checkSpan(node.span, text.length, `node ${node.id}`);
    if (!(Number.isInteger(node.line) && node.line >= 1)) fail(`node ${node.id} has line ${node.line}`);
    if (node.parent !== undefined && !ids.has(node.parent)) fail(`node ${node.id} is inside ${node.parent}, which comes later or not at all`);
  }
  for (const edge of graph.edges) if (!ids.has(edge.from) || !ids.has(edge.to)) fail(`edge ${edge.from} -> ${edge.to} names a missing node`);
  if (!toMermaid(graph).startsWith('flowchart TD\n') || !toDot(graph).startsWith('digraph workflow {\n')) fail('malformed Mermaid or DOT');
  if (graph.nodes.length > 40) return;
  const layout = timed(TIME_BOUNDS_MS.lint, 'layoutGraph', () => layoutGraph(graph));
  for (const n of layout.nodes) if (![n.x, n.y, n.width, n.height].every(Number.isFinite)) fail(`node ${n.node.id} laid out at a non-finite place`);
}

function checkParse(text: string, mustParse: boolean): void {
  const result = timed(TIME_BOUNDS_MS.parse, 'parseExpression', () => parseExpression(text));
  if (result.ok) return;
  if (mustParse) fail(`a grammar-generated expression does not parse: ${result.error.message}`);
  if (typeof result.error.message !== 'string' || result.error.message === '') fail('syntax error without a message');
  checkSpan(result.error.span, text.length, 'syntax error');
}

export function targetNamed(name: string): FuzzTarget {
  return TARGETS.find((t) => t.name === name) ?? fail(`unknown fuzz target ${name}`);
}

/** A saved failing input: replayed by the unit tests forever after. */
export interface Regression {
  target: string;
  input: string;
  /** What failed when it was found. */
  failure: string;
  found: string;
}

export const REGRESSIONS_DIR = path.join(__dirname, 'regressions');

export function loadRegressions(): { file: string; regression: Regression }[] {
  if (!fs.existsSync(REGRESSIONS_DIR)) return [];
  return fs
    .readdirSync(REGRESSIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, regression: JSON.parse(fs.readFileSync(path.join(REGRESSIONS_DIR, file), 'utf8')) as Regression }));
}

/** Saves a failing input under a name derived from its content; returns the file name. */
export function saveRegression(regression: Regression): string {
  fs.mkdirSync(REGRESSIONS_DIR, { recursive: true });
  let hash = 0;
  for (const ch of regression.target + regression.input) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  const file = `${regression.target}-${hash.toString(16).padStart(8, '0')}.json`;
  fs.writeFileSync(path.join(REGRESSIONS_DIR, file), `${JSON.stringify(regression, null, 2)}\n`);
  return file;
}
