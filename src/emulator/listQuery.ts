/**
 * `filter`, `orderBy` and pagination for list calls, in the subset of Google's list syntax
 * (AIP-160/132) the Workflows APIs document: comparisons `field op value` with `=`, `!=`, `<`,
 * `<=`, `>`, `>=` and `:` (has), joined with `AND` and `OR` (`OR` binds tighter, as in AIP-160),
 * on plain fields, RFC 3339 timestamps, durations like `"3.5s"` and `labels.<key>`; `orderBy` is a comma list of fields,
 * each optionally followed by `desc`.
 */
import { invalidArgument } from './apiError';
import { parseTimestamp } from './timeFormat';

export type FieldValue = string | number | undefined;

/** How a record exposes its fields to filters and ordering. */
export interface FieldTable<T> {
  /** Field name → kind and getter. Timestamps and durations are milliseconds. */
  fields: Record<string, { kind: 'string' | 'number' | 'time' | 'duration'; get(record: T): FieldValue }>;
  /** Getter for `labels.<key>`, when the resource has labels. */
  label?(record: T, key: string): string | undefined;
}

type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | ':';

const COMPARISON = /^\s*([A-Za-z_][\w.-]*)\s*(<=|>=|!=|=|<|>|:)\s*("(?:[^"\\]|\\.)*"|[^\s()"]+)\s*/;

/** Compiles a filter; an empty or missing filter keeps everything. Throws 400 on bad syntax. */
export function compileFilter<T>(text: string | undefined, table: FieldTable<T>): (record: T) => boolean {
  if (!text || !text.trim()) return () => true;
  const conjunction: ((record: T) => boolean)[][] = [[]];
  let rest = text;
  for (;;) {
    const m = COMPARISON.exec(rest);
    if (!m) throw invalidArgument(`Invalid filter "${text}": expected a comparison like state="FAILED" at "${rest.trim()}".`);
    conjunction[conjunction.length - 1].push(comparison(m[1], m[2] as Op, unquote(m[3]), table, text));
    rest = rest.slice(m[0].length);
    if (!rest) break;
    const joiner = /^(AND|OR)\s+/.exec(rest);
    if (!joiner) throw invalidArgument(`Invalid filter "${text}": expected AND or OR at "${rest.trim()}".`);
    if (joiner[1] === 'AND') conjunction.push([]);
    rest = rest.slice(joiner[0].length);
  }
  return (record) => conjunction.every((alternatives) => alternatives.some((test) => test(record)));
}

function unquote(token: string): string {
  if (!token.startsWith('"')) return token;
  return token.slice(1, -1).replace(/\\(.)/g, '$1');
}

function comparison<T>(field: string, op: Op, raw: string, table: FieldTable<T>, text: string): (record: T) => boolean {
  if (field.startsWith('labels.') && table.label) {
    const key = field.slice('labels.'.length);
    const get = table.label;
    return (record) => compare(get(record, key), op, raw);
  }
  const spec = table.fields[field];
  if (!spec) {
    const known = [...Object.keys(table.fields), ...(table.label ? ['labels.<key>'] : [])].join(', ');
    throw invalidArgument(`Invalid filter "${text}": unknown field "${field}" (supported: ${known}).`);
  }
  if (spec.kind === 'time') {
    const ms = parseTimestamp(raw);
    if (ms === undefined) throw invalidArgument(`Invalid filter "${text}": "${raw}" is not an RFC 3339 timestamp.`);
    return (record) => compare(spec.get(record), op, ms);
  }
  if (spec.kind === 'duration') {
    const m = /^(\d+(?:\.\d+)?)s$/.exec(raw);
    if (!m) throw invalidArgument(`Invalid filter "${text}": "${raw}" is not a duration like "3.5s".`);
    const ms = Number(m[1]) * 1000;
    return (record) => compare(spec.get(record), op, ms);
  }
  if (spec.kind === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(raw)) throw invalidArgument(`Invalid filter "${text}": "${raw}" is not a number.`);
    const n = Number(raw);
    return (record) => compare(spec.get(record), op, n);
  }
  return (record) => compare(spec.get(record), op, raw);
}

function compare(actual: FieldValue, op: Op, expected: string | number): boolean {
  if (actual === undefined) return op === '!=';
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case ':':
      return String(actual).includes(String(expected));
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
  }
}

/** Compiles `orderBy` into a comparator; `fallback` applies when it is empty. */
export function compileOrderBy<T>(text: string | undefined, table: FieldTable<T>, fallback: string): (a: T, b: T) => number {
  const spec = text && text.trim() ? text : fallback;
  const keys = spec.split(',').map((part) => {
    const [field, direction, extra] = part.trim().split(/\s+/);
    const column = table.fields[field];
    if (!column || extra !== undefined || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
      throw invalidArgument(`Invalid orderBy "${spec}": use fields among ${Object.keys(table.fields).join(', ')}, each optionally followed by "desc".`);
    }
    return { get: column.get, sign: direction === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const key of keys) {
      const x = key.get(a);
      const y = key.get(b);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * key.sign;
    }
    return 0;
  };
}

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/**
 * One page of `items`. Page tokens are opaque offsets; a token from another query still reads a
 * valid page. `maxSize` caps `pageSize`; 0 or missing means `defaultSize`.
 */
export function paginate<T>(items: T[], pageSize: number | undefined, pageToken: string | undefined, defaultSize: number, maxSize: number): Page<T> {
  if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 0)) {
    throw invalidArgument(`Invalid pageSize ${pageSize}: it must be a non-negative integer.`);
  }
  const size = Math.min(pageSize || defaultSize, maxSize);
  let offset = 0;
  if (pageToken) {
    const decoded = Buffer.from(pageToken, 'base64url').toString('utf8');
    const m = /^offset:(\d+)$/.exec(decoded);
    if (!m) throw invalidArgument('The page token is invalid.');
    offset = Number(m[1]);
  }
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { items: page, nextPageToken: Buffer.from(`offset:${next}`).toString('base64url') } : { items: page };
}
