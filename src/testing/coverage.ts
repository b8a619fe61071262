/**
 * Step coverage: how many times each step of each workflow file ran, counted from the step
 * history of every execution of a test run (the tested one and its real children), summed over
 * tests, and written as LCOV (`SF:` the workflow file, `DA:` each step's first line and count).
 *
 * Counted are the steps Google's step history records; a step that is only `next:` and a bare
 * `steps:` group have no history entry of their own, so they are left out rather than shown as
 * never run.
 */
import * as fs from 'node:fs';
import { LineIndex } from '../core/location';
import { parseWorkflow } from '../core/model/parse';
import { walkSteps } from '../core/model/query';
import type { Step } from '../core/model/types';
import type { StepEntryEvent, StepType } from '../engine/host';

/** Entries that are parts of a step (an iteration, a branch, a condition, an attempt), not a run of it. */
export const PART_TYPES: ReadonlySet<StepType> = new Set(['STEP_FOR_ITERATION', 'STEP_PARALLEL_BRANCH_ENTRY', 'STEP_CONDITION', 'STEP_TRY', 'STEP_RETRY', 'STEP_EXCEPT']);

/** One step of a workflow file with its run count. */
export interface StepCoverage {
  routine: string;
  step: string;
  /** 0-based line and character of the step name. */
  line: number;
  character: number;
  count: number;
}

/** Coverage of the steps of one workflow file. */
export interface FileCoverage {
  file: string;
  steps: StepCoverage[];
}

/** The history entry type of a step's own run, by kind; an inline step's entry carries its parent's name. */
const OWN_TYPES: Partial<Record<Step['kind'], readonly StepType[]>> = {
  assign: ['STEP_ASSIGN'],
  call: ['STEP_CALL'],
  switch: ['STEP_SWITCH'],
  for: ['STEP_FOR'],
  parallel: ['STEP_PARALLEL_FOR', 'STEP_PARALLEL_BRANCH'],
  try: ['STEP_TRY_RETRY_EXCEPT'],
  raise: ['STEP_RAISE'],
  return: ['STEP_RETURN'],
};

type Site = StepCoverage & { types: readonly StepType[] };

/** Step sites by source text: a suite registers the same workflow once per test. */
const SITE_CACHE = new Map<string, Site[]>();
const SITE_CACHE_LIMIT = 64;

function stepSites(text: string): Site[] {
  const cached = SITE_CACHE.get(text);
  if (cached) return cached;
  const sites = readSites(text);
  if (SITE_CACHE.size >= SITE_CACHE_LIMIT) SITE_CACHE.delete(SITE_CACHE.keys().next().value as string);
  SITE_CACHE.set(text, sites);
  return sites;
}

function readSites(text: string): Site[] {
  const workflow = parseWorkflow(text);
  const lines = new LineIndex(text);
  const out: Site[] = [];
  for (const routine of workflow.routines) {
    walkSteps(routine, ({ step }) => {
      const types = OWN_TYPES[step.kind];
      if (!types) return;
      const at = lines.positionAt(step.name.span.start);
      out.push({ routine: routine.name.value, step: step.name.value, line: at.line, character: at.character, count: 0, types });
    });
  }
  return out;
}

/** Step counts by workflow file, summed over every execution added. */
export class CoverageCollector {
  private readonly files = new Map<string, Map<string, Site>>();

  /** Registers a workflow file's steps (with zero counts) once; `text` defaults to the file's content. */
  addFile(file: string, text?: string): void {
    if (this.files.has(file)) return;
    const sites = new Map<string, Site>();
    for (const s of stepSites(text ?? fs.readFileSync(file, 'utf8'))) if (!sites.has(key(s.routine, s.step))) sites.set(key(s.routine, s.step), { ...s });
    this.files.set(file, sites);
  }

  /** Counts every step entry of one execution of `file`. */
  addEntries(file: string, entries: readonly StepEntryEvent[]): void {
    const sites = this.files.get(file);
    if (!sites) return;
    for (const e of entries) {
      const site = sites.get(key(e.routine, e.step));
      if (site?.types.includes(e.stepType)) site.count++;
    }
  }

  /** Where a step of a registered file is. */
  siteOf(file: string, routine: string, step: string): StepCoverage | undefined {
    const site = this.files.get(file)?.get(key(routine, step));
    return site && plainSite(site);
  }

  /** Adds another collector's counts (e.g. of another test). */
  merge(other: CoverageCollector): void {
    for (const f of other.result()) {
      const mine = this.files.get(f.file) ?? new Map<string, Site>();
      this.files.set(f.file, mine);
      for (const s of f.steps) {
        const at = mine.get(key(s.routine, s.step));
        if (at) at.count += s.count;
        else mine.set(key(s.routine, s.step), { ...s, types: other.files.get(f.file)?.get(key(s.routine, s.step))?.types ?? [] });
      }
    }
  }

  result(): FileCoverage[] {
    return [...this.files].map(([file, sites]) => ({ file, steps: [...sites.values()].map(plainSite) })).sort((a, b) => a.file.localeCompare(b.file));
  }
}

function plainSite(site: Site): StepCoverage {
  return { routine: site.routine, step: site.step, line: site.line, character: site.character, count: site.count };
}

function key(routine: string, step: string): string {
  return `${routine}\u0000${step}`;
}

/** LCOV text: one record per file, `DA:<line>,<count>` per step line (1-based; steps on one line summed). */
export function toLcov(files: readonly FileCoverage[]): string {
  const out: string[] = [];
  for (const f of files) {
    const byLine = new Map<number, number>();
    for (const s of f.steps) byLine.set(s.line + 1, (byLine.get(s.line + 1) ?? 0) + s.count);
    const lines = [...byLine].sort((a, b) => a[0] - b[0]);
    out.push('TN:', `SF:${f.file}`);
    for (const [line, count] of lines) out.push(`DA:${line},${count}`);
    out.push(`LF:${lines.length}`, `LH:${lines.filter(([, c]) => c > 0).length}`, 'end_of_record');
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
