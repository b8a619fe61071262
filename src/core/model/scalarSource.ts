/**
 * Decodes a YAML scalar from its source text while remembering, for every character of the value,
 * the document offset it came from. This is what lets an expression syntax error inside a quoted,
 * escaped, folded or block scalar point at the exact character in the document.
 *
 * The `yaml` package decodes values but keeps no per-character positions, so the YAML 1.2 rules for
 * flow folding, escapes and block scalars are replayed here. Callers compare the result with the
 * package's value and fall back to an approximate mapping if they ever differ.
 */

/** A decoded scalar: `offsets[i]` is the document offset of `value[i]`; `offsets[value.length]` is the end. */
export interface DecodedScalar {
  value: string;
  offsets: number[];
}

export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/**
 * Decodes the scalar written at `[start, end)` of `text` (the node's value range, quotes and block
 * header included). `parentIndent` is the indentation of the block scalar's parent (the `yaml`
 * token's `indent`), needed only for an explicit indentation indicator.
 */
export function decodeScalar(
  text: string,
  start: number,
  end: number,
  style: ScalarStyle,
  parentIndent = 0,
): DecodedScalar {
  switch (style) {
    case 'PLAIN':
      return decodeFlow(text, start, end, 'plain');
    case 'QUOTE_SINGLE':
      return decodeFlow(text, start + 1, Math.max(start + 1, end - 1), 'single');
    case 'QUOTE_DOUBLE':
      return decodeFlow(text, start + 1, Math.max(start + 1, end - 1), 'double');
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return decodeBlock(text, start, end, parentIndent);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** Length of the line break at `i` (0 when there is none). */
function breakLength(text: string, i: number): number {
  if (text[i] === '\r') return text[i + 1] === '\n' ? 2 : 1;
  return text[i] === '\n' ? 1 : 0;
}

/** Plain and quoted scalars: line folding, `''` in single quotes, escapes in double quotes. */
function decodeFlow(text: string, from: number, to: number, kind: 'plain' | 'single' | 'double'): DecodedScalar {
  const out: string[] = [];
  const offsets: number[] = [];
  const emit = (s: string, at: number) => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]);
      offsets.push(at);
    }
  };
  // Where the run of unescaped trailing blanks starts in `out`: trimmed before a line break.
  let keep = 0;
  let i = from;
  while (i < to) {
    const c = text[i];
    if (isBreak(c)) {
      out.length = keep;
      offsets.length = keep;
      const breakAt = i;
      i += breakLength(text, i);
      const empties: number[] = [];
      for (;;) {
        while (i < to && isBlank(text[i])) i++;
        if (i < to && isBreak(text[i])) {
          empties.push(i);
          i += breakLength(text, i);
        } else break;
      }
      if (empties.length === 0) emit(' ', breakAt);
      else for (const at of empties) emit('\n', at);
      keep = out.length;
      continue;
    }
    if (kind === 'single' && c === "'" && text[i + 1] === "'") {
      emit("'", i);
      i += 2;
      keep = out.length;
      continue;
    }
    if (kind === 'double' && c === '\\') {
      const n = text[i + 1];
      if (isBreak(n)) {
        // An escaped line break joins the lines without a space; following empty lines stay newlines.
        i += 1 + breakLength(text, i + 1);
        for (;;) {
          while (i < to && isBlank(text[i])) i++;
          if (i < to && isBreak(text[i])) {
            emit('\n', i);
            i += breakLength(text, i);
          } else break;
        }
        keep = out.length;
        continue;
      }
      const simple = SIMPLE_ESCAPES[n];
      if (simple !== undefined) {
        emit(simple, i);
        i += 2;
      } else if (HEX_ESCAPES[n] !== undefined) {
        const digits = HEX_ESCAPES[n];
        const code = parseInt(text.slice(i + 2, i + 2 + digits), 16);
        emit(Number.isNaN(code) ? text.slice(i, i + 2 + digits) : String.fromCodePoint(code), i);
        i += 2 + digits;
      } else {
        emit(text.slice(i, i + 2), i);
        i += 2;
      }
      keep = out.length;
      continue;
    }
    emit(c, i);
    i++;
    if (!isBlank(c)) keep = out.length;
  }
  offsets.push(to);
  return { value: out.join(''), offsets };
}

/** Block scalars (`|` and `>`): header indicators, content indentation, folding and chomping. */
function decodeBlock(text: string, start: number, end: number, parentIndent: number): DecodedScalar {
  const folded = text[start] === '>';
  let i = start + 1;
  let explicitIndent = 0;
  let chomp: 'clip' | 'strip' | 'keep' = 'clip';
  for (; i < end && !isBreak(text[i]) && !isBlank(text[i]); i++) {
    const c = text[i];
    if (c === '-') chomp = 'strip';
    else if (c === '+') chomp = 'keep';
    else if (c >= '1' && c <= '9') explicitIndent = Number(c);
  }
  while (i < end && !isBreak(text[i])) i++;
  i += breakLength(text, i);

  // Split the body into lines: [start of line, end of line content, end of line break].
  const lines: { from: number; to: number; breakAt: number; next: number }[] = [];
  while (i < end) {
    let j = i;
    while (j < end && !isBreak(text[j])) j++;
    const next = j + breakLength(text, j);
    lines.push({ from: i, to: j, breakAt: j, next });
    i = next;
  }
  let indent = explicitIndent ? parentIndent + explicitIndent : 0;
  if (!indent) {
    for (const line of lines) {
      let k = line.from;
      while (k < line.to && text[k] === ' ') k++;
      if (k < line.to) {
        indent = k - line.from;
        break;
      }
    }
  }

  const out: string[] = [];
  const offsets: number[] = [];
  const emit = (s: string, at: number) => {
    out.push(s);
    offsets.push(at);
  };
  // Line breaks after the last content line are chomped, so they are collected separately.
  let pendingBreaks: number[] = [];
  let sawContent = false;
  let previousMoreIndented = false;
  for (const line of lines) {
    const contentFrom = Math.min(line.from + indent, line.to);
    const isEmpty = line.to - line.from <= indent && /^ *$/.test(text.slice(line.from, line.to));
    if (isEmpty) {
      pendingBreaks.push(line.breakAt);
      continue;
    }
    const moreIndented = isBlank(text[contentFrom]);
    if (sawContent) {
      if (folded && !moreIndented && !previousMoreIndented) {
        // The first break folds into a space when no empty line follows it, else it disappears.
        const [first, ...rest] = pendingBreaks;
        if (rest.length === 0) emit(' ', first);
        else for (const at of rest) emit('\n', at);
      } else {
        for (const at of pendingBreaks) emit('\n', at);
      }
    } else {
      for (const at of pendingBreaks) emit('\n', at);
    }
    pendingBreaks = [line.breakAt];
    for (let k = contentFrom; k < line.to; k++) emit(text[k], k);
    sawContent = true;
    previousMoreIndented = moreIndented;
  }
  if (chomp === 'keep') for (const at of pendingBreaks) emit('\n', at);
  else if (chomp === 'clip' && sawContent && pendingBreaks.length > 0) emit('\n', pendingBreaks[0]);
  offsets.push(end);
  return { value: out.join(''), offsets };
}
