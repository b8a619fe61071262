/**
 * `text.find_all_regex`, `text.match_regex` and `text.replace_all_regex` over RE2 (`re2js`,
 * wrapped in `regex.ts` for Google's semantics). Indexes are code points. `find_all_regex` prefers the longest of the
 * matches starting at the same leftmost index, as documented [D]; `replace_all_regex` uses RE2's
 * default leftmost-first matching (its docs say nothing else, an [R] choice). In `replace_all_regex`, `\0` to `\9` insert
 * the whole match or a group (an unset group inserts nothing) and `\\` inserts a backslash; any
 * other backslash, or a group the pattern does not have, is a ValueError (RE2's rewrite rules).
 */
import type { Value } from '../value';
import { Args } from './args';
import type { NativeFunction } from './context';
import { Regex } from './regex';
import { CodePointCounter } from './codePointCounter';

const cache = new Map<string, Regex>();
const CACHE_SIZE = 64;

function compile(a: Args, longest = false): Regex {
  const pattern = a.string('regexp');
  const key = `${longest ? 'L' : 'F'}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = Regex.compile(pattern, a.fn, { longest });
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, re);
  }
  return re;
}

const findAllRegex: NativeFunction = (values) => {
  const a = new Args('text.find_all_regex', values);
  const source = a.string('source');
  const re = compile(a, true);
  const cursor = new CodePointCounter(source);
  const out: Value[] = [];
  for (const m of re.matches(source)) {
    out.push(
      new Map<string, Value>([
        ['index', BigInt(cursor.at(m.start))],
        ['match', source.slice(m.start, m.end)],
      ]),
    );
  }
  return out;
};

const matchRegex: NativeFunction = (values) => {
  const a = new Args('text.match_regex', values);
  const source = a.string('source');
  return compile(a).test(source);
};

type RewritePart = string | number;

function parseRewrite(a: Args, repl: string, groups: number): RewritePart[] {
  const parts: RewritePart[] = [];
  let text = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c !== '\\') {
      text += c;
      continue;
    }
    const next = repl[i + 1];
    i++;
    if (next === '\\') {
      text += '\\';
    } else if (next !== undefined && next >= '0' && next <= '9') {
      const n = Number(next);
      if (n > groups) a.valueError(`the replacement refers to group \\${n} but the expression has ${groups} group${groups === 1 ? '' : 's'}`);
      parts.push(text, n);
      text = '';
    } else {
      a.valueError(`invalid replacement ${JSON.stringify(repl)}: use \\0 to \\9 for groups and \\\\ for a backslash`);
    }
  }
  parts.push(text);
  return parts;
}

const replaceAllRegex: NativeFunction = (values) => {
  const a = new Args('text.replace_all_regex', values);
  const source = a.string('source');
  const re = compile(a);
  const rewrite = parseRewrite(a, a.string('repl'), re.groupCount);
  let out = '';
  let copied = 0;
  for (const m of re.matches(source)) {
    out += source.slice(copied, m.start);
    for (const part of rewrite) out += typeof part === 'string' ? part : (m.group(part) ?? '');
    copied = m.end;
  }
  return out + source.slice(copied);
};

export const REGEX_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['text.find_all_regex', findAllRegex],
  ['text.match_regex', matchRegex],
  ['text.replace_all_regex', replaceAllRegex],
]);
