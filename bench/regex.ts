/**
 * Regular expressions: `text.find_all_regex`, `text.match_regex` and `text.replace_all_regex`
 * (RE2 through `re2js`, regex.ts) on typical and hostile inputs, with JavaScript's own RegExp
 * beside them where it has the same syntax (it backtracks: on `(a+)+b` it would not finish, so it
 * is not run there).
 *
 *   node --import tsx bench/regex.ts [--quick]
 */
import { STDLIB } from '../src/engine/stdlib';
import type { NativeContext } from '../src/engine/stdlib/context';
import type { Value } from '../src/engine/value';
import { measure, median, ms, printTable, runIfMain } from './util';

/** One regex case: the function, its arguments, and the JavaScript equivalent if it has one. */
export interface RegexCase {
  name: string;
  fn: 'text.find_all_regex' | 'text.match_regex' | 'text.replace_all_regex';
  args: string[];
  js?: () => unknown;
}

const words = Array.from({ length: 20_000 }, (_, i) => `word${i} ${i % 7 === 0 ? 'Ünïcödé' : 'plain'} ${i}`).join(' ');

/** The cases measured, shared with the one-off comparison against the former hand-written matcher. */
export const CASES: RegexCase[] = [
  { name: 'find_all `\\d+` in 300 KB', fn: 'text.find_all_regex', args: [words, '\\d+'], js: () => [...words.matchAll(/\d+/g)].length },
  { name: 'find_all `(?i)ünïcödé` in 300 KB', fn: 'text.find_all_regex', args: [words, '(?i)ünïcödé'], js: () => [...words.matchAll(/ünïcödé/giu)].length },
  { name: 'match an e-mail address', fn: 'text.match_regex', args: ['user.name+tag@example.co.uk', '^[\\w.+-]+@([\\w-]+\\.)+\\w+$'], js: () => /^[\w.+-]+@([\w-]+\.)+\w+$/.test('user.name+tag@example.co.uk') },
  { name: 'replace_all `(\\w+) (\\w+)` in 300 KB', fn: 'text.replace_all_regex', args: [words, '(\\w+) (\\w+)', '\\2 \\1'], js: () => words.replace(/(\w+) (\w+)/g, '$2 $1') },
  { name: '`(a+)+b` on 20,000 a (no match)', fn: 'text.find_all_regex', args: ['a'.repeat(20_000), '(a+)+b'] },
];

const ctx = {} as NativeContext;

/** Runs a case through the standard library function. */
export function runCase(c: RegexCase): Value {
  const fn = STDLIB.get(c.fn);
  if (!fn) throw new Error(`no ${c.fn}`);
  return fn(c.args, ctx) as Value;
}

async function main(quick: boolean): Promise<void> {
  const runs = quick ? 3 : 11;
  const rows: string[][] = [];
  for (const c of CASES) {
    const ours = await measure(() => runCase(c), runs, 1);
    const js = c.js ? await measure(c.js, runs, 1) : undefined;
    rows.push([c.name, ms(median(ours.cpu)), js ? ms(median(js.cpu)) : 'not run (backtracks)']);
  }
  printTable('Regular expressions (re2js behind regex.ts)', ['case', 'ours (CPU, median)', 'JavaScript RegExp (CPU, median)'], rows, [`${runs} runs after 1 warm-up run.`]);
}

runIfMain(module, main);
