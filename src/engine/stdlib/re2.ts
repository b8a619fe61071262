/**
 * RE2-style regular expressions: the parsed pattern is compiled to a small program and run by a
 * Pike VM (Thompson simulation with capture groups), so matching takes time proportional to
 * input length × pattern size, never exponential. Matches are leftmost-first like RE2's default
 * and Go's `regexp`, or leftmost-longest on request. Positions are code-point indexes.
 */
import { workflowError } from '../errors';
import { isWordCp } from './re2CharClasses';
import { parseRe2, type AssertKind, type CharTest, type ReNode } from './re2Parser';

type Inst =
  | { op: 'char'; test: CharTest }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'save'; slot: number }
  | { op: 'assert'; kind: AssertKind }
  | { op: 'match' };

/** The largest compiled program accepted (counted repetitions multiply the pattern). */
const MAX_PROGRAM = 20_000;

/** A match: code-point offsets of the whole match and of each group (-1 when a group is unset). */
export interface Re2Match {
  start: number;
  end: number;
  /** `[start, end]` pairs for groups 1..n. */
  groups: number[];
}

/** A compiled RE2 pattern. */
export class Re2 {
  private constructor(
    private readonly prog: Inst[],
    /** Number of capturing groups. */
    readonly groupCount: number,
    private readonly longest: boolean,
  ) {}

  /**
   * Compiles `pattern`; invalid or unsupported syntax raises a ValueError naming `fn`. With
   * `longest`, among matches starting at the leftmost position the longest wins (RE2's
   * `longest_match` option); otherwise the first by pattern priority wins (RE2's default).
   */
  static compile(pattern: string, fn: string, options: { longest?: boolean } = {}): Re2 {
    const parsed = parseRe2(pattern, fn);
    const prog: Inst[] = [];
    const emit = (inst: Inst): number => {
      if (prog.length >= MAX_PROGRAM) {
        throw workflowError('ValueError', `${fn}: invalid regular expression ${JSON.stringify(pattern)}: expression too large`);
      }
      prog.push(inst);
      return prog.length - 1;
    };
    emit({ op: 'save', slot: 0 });
    compileNode(parsed.node, emit, prog);
    emit({ op: 'save', slot: 1 });
    emit({ op: 'match' });
    return new Re2(prog, parsed.groups, options.longest ?? false);
  }

  /** The leftmost match starting at or after code point `from` of `input`, or null. */
  exec(input: readonly number[], from: number): Re2Match | null {
    const slots = 2 + this.groupCount * 2;
    let clist: Thread[] = [];
    let nlist: Thread[] = [];
    const onList = new Int32Array(this.prog.length).fill(-1);
    let generation = 0;
    let matched: number[] | null = null;
    for (let pos = from; pos <= input.length; pos++) {
      if (matched === null) {
        const caps = new Array<number>(slots).fill(-1);
        this.addThread(clist, 0, caps, pos, input, onList, generation);
      }
      if (clist.length === 0 && matched !== null) break;
      generation++;
      for (const th of clist) {
        const inst = this.prog[th.pc];
        if (matched !== null && this.longest && th.caps[0] > matched[0]) continue;
        if (inst.op === 'match') {
          if (!this.longest) {
            matched = th.caps;
            break;
          }
          if (matched === null || th.caps[0] < matched[0] || (th.caps[0] === matched[0] && th.caps[1] > matched[1])) matched = th.caps;
          continue;
        }
        if (inst.op === 'char' && pos < input.length && inst.test(input[pos])) {
          this.addThread(nlist, th.pc + 1, th.caps, pos + 1, input, onList, generation);
        }
      }
      [clist, nlist] = [nlist, clist];
      nlist.length = 0;
    }
    if (matched === null) return null;
    return { start: matched[0], end: matched[1], groups: matched.slice(2) };
  }

  /** Follows jumps, splits, saves and assertions from `pc` at `pos`, adding runnable threads. */
  private addThread(list: Thread[], pc0: number, caps0: number[], pos: number, input: readonly number[], onList: Int32Array, gen: number): void {
    const stack: Thread[] = [{ pc: pc0, caps: caps0 }];
    while (stack.length > 0) {
      const { pc, caps } = stack.pop() as Thread;
      if (onList[pc] === gen) continue;
      onList[pc] = gen;
      const inst = this.prog[pc];
      switch (inst.op) {
        case 'jmp':
          stack.push({ pc: inst.x, caps });
          break;
        case 'split':
          stack.push({ pc: inst.y, caps }, { pc: inst.x, caps });
          break;
        case 'save': {
          const next = caps.slice();
          next[inst.slot] = pos;
          stack.push({ pc: pc + 1, caps: next });
          break;
        }
        case 'assert':
          if (holds(inst.kind, input, pos)) stack.push({ pc: pc + 1, caps });
          break;
        default:
          list.push({ pc, caps });
      }
    }
  }
}

interface Thread {
  pc: number;
  caps: number[];
}

function isWord(cp: number | undefined): boolean {
  return cp !== undefined && isWordCp(cp);
}

function holds(kind: AssertKind, input: readonly number[], pos: number): boolean {
  switch (kind) {
    case 'bot':
      return pos === 0;
    case 'eot':
      return pos === input.length;
    case 'bol':
      return pos === 0 || input[pos - 1] === 0x0a;
    case 'eol':
      return pos === input.length || input[pos] === 0x0a;
    case 'word':
      return isWord(input[pos - 1]) !== isWord(input[pos]);
    case 'notWord':
      return isWord(input[pos - 1]) === isWord(input[pos]);
  }
}

function compileNode(node: ReNode, emit: (inst: Inst) => number, prog: Inst[]): void {
  switch (node.t) {
    case 'empty':
      return;
    case 'char':
      emit({ op: 'char', test: node.test });
      return;
    case 'assert':
      emit({ op: 'assert', kind: node.kind });
      return;
    case 'cat':
      for (const item of node.items) compileNode(item, emit, prog);
      return;
    case 'group':
      emit({ op: 'save', slot: node.index * 2 });
      compileNode(node.node, emit, prog);
      emit({ op: 'save', slot: node.index * 2 + 1 });
      return;
    case 'alt': {
      const jumps: number[] = [];
      node.items.forEach((item, i) => {
        if (i < node.items.length - 1) {
          const split = emit({ op: 'split', x: 0, y: 0 });
          (prog[split] as { x: number }).x = prog.length;
          compileNode(item, emit, prog);
          jumps.push(emit({ op: 'jmp', x: 0 }));
          (prog[split] as { y: number }).y = prog.length;
        } else {
          compileNode(item, emit, prog);
        }
      });
      for (const j of jumps) (prog[j] as { x: number }).x = prog.length;
      return;
    }
    case 'rep':
      compileRepeat(node, emit, prog);
  }
}

/** A split preferring `first` when greedy: the greedy branch is taken first. */
function setSplit(prog: Inst[], at: number, body: number, exit: number, greedy: boolean): void {
  prog[at] = greedy ? { op: 'split', x: body, y: exit } : { op: 'split', x: exit, y: body };
}

function compileRepeat(node: Extract<ReNode, { t: 'rep' }>, emit: (inst: Inst) => number, prog: Inst[]): void {
  for (let i = 0; i < node.min; i++) compileNode(node.node, emit, prog);
  if (node.max === -1) {
    const split = emit({ op: 'split', x: 0, y: 0 });
    compileNode(node.node, emit, prog);
    emit({ op: 'jmp', x: split });
    setSplit(prog, split, split + 1, prog.length, node.greedy);
    return;
  }
  const splits: number[] = [];
  for (let i = node.min; i < node.max; i++) {
    splits.push(emit({ op: 'split', x: 0, y: 0 }));
    compileNode(node.node, emit, prog);
  }
  for (const s of splits) setSplit(prog, s, s + 1, prog.length, node.greedy);
}

/** Code points of a string, the unit of regex positions. */
export function toCodePoints(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0) as number);
}

/** Text of code points `[start, end)`. */
export function fromCodePoints(cps: readonly number[], start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 4096) out += String.fromCodePoint(...cps.slice(i, Math.min(end, i + 4096)));
  return out;
}

/**
 * Every successive match, RE2/Go style: after a match the search resumes at its end, and an
 * empty match right where the previous match ended is skipped.
 */
export function* allMatches(re: Re2, input: readonly number[]): Generator<Re2Match> {
  let pos = 0;
  let lastEnd = -1;
  while (pos <= input.length) {
    const m = re.exec(input, pos);
    if (!m) return;
    if (m.start === m.end && m.start === lastEnd) {
      if (m.start >= input.length) return;
      pos = m.start + 1;
      continue;
    }
    yield m;
    lastEnd = m.end;
    pos = m.end > m.start ? m.end : m.end + 1;
  }
}
