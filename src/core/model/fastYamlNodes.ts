/**
 * The nodes the fast YAML reader builds: instances of the `yaml` package's own node classes
 * (`Scalar`, `YAMLMap`, `YAMLSeq`, `Pair` prototypes, so `isScalar`, `isMap`, `instanceof` and
 * their methods work) carrying the same fields the composer sets.
 *
 * They are not made with the package's constructors: those define the node-type symbol with
 * `Object.defineProperty`, which leaves every node in slow dictionary mode; a 5,000-step workflow
 * then spends more time in the garbage collector than in reading. Here the node type is a plain
 * (enumerable) symbol property, set first, so all nodes of a kind share one shape. The symbols are
 * the package's registered ones (`Symbol.for('yaml.node.type')` and so on); the differential tests
 * would fail if a new version of the package changed them.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');
const SCALAR = Symbol.for('yaml.scalar');
const MAP = Symbol.for('yaml.map');
const SEQ = Symbol.for('yaml.seq');
const PAIR = Symbol.for('yaml.pair');

type Range = [number, number, number];

class FastScalar {
  [NODE_TYPE] = SCALAR;
  constructor(
    public value: unknown,
    public source: string,
    public type: Scalar.Type,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /**
   * The composer's `[start, valueEnd, nodeEnd]`, made on demand: the builder reads few of them,
   * and a stored triple per scalar would be a third of the reader's memory.
   */
  get range(): Range {
    return [this.start, this.end, this.end];
  }
}

class FastCollection {
  [NODE_TYPE]: symbol;
  items: unknown[] = [];
  range: Range = [0, 0, 0];
  flow = false;
  constructor(type: symbol) {
    this[NODE_TYPE] = type;
  }
}
class FastMap extends FastCollection {}
class FastSeq extends FastCollection {}

class FastPair {
  [NODE_TYPE] = PAIR;
  constructor(
    public key: unknown,
    public value: unknown,
  ) {}
}

Object.setPrototypeOf(FastScalar.prototype, Scalar.prototype);
Object.setPrototypeOf(FastMap.prototype, YAMLMap.prototype);
Object.setPrototypeOf(FastSeq.prototype, YAMLSeq.prototype);
Object.setPrototypeOf(FastPair.prototype, Pair.prototype);

/** A scalar node shaped as the `yaml` composer leaves it (value, source, type, range). */
export function scalarNode(value: unknown, source: string, type: Scalar.Type, start: number, end: number): Scalar {
  return new FastScalar(value, source, type, start, end) as unknown as Scalar;
}

export function mapNode(flow: boolean): YAMLMap {
  const map = new FastMap(MAP);
  map.flow = flow;
  return map as unknown as YAMLMap;
}

export function seqNode(flow: boolean): YAMLSeq {
  const seq = new FastSeq(SEQ);
  seq.flow = flow;
  return seq as unknown as YAMLSeq;
}

export function pairNode(key: YamlNode, value: YamlNode): Pair {
  return new FastPair(key, value) as unknown as Pair;
}

/** The key names of one map. Workflow maps are small: a linear scan beats a Set until they are not. */
export class KeyNames {
  private readonly list: string[] = [];
  private set: Set<string> | undefined;

  /** Adds `name`; false if it was there already. */
  add(name: string): boolean {
    if (this.set) {
      if (this.set.has(name)) return false;
      this.set.add(name);
      return true;
    }
    if (this.list.includes(name)) return false;
    this.list.push(name);
    if (this.list.length >= 16) this.set = new Set(this.list);
    return true;
  }
}
