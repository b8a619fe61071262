import * as assert from 'node:assert/strict';
import { buildGraph } from '../../../src/core/graph/buildGraph';
import { parseWorkflow } from '../../../src/core/model/parse';

/** Nodes as `id kind [parent] (detail)` and edges as `from -kind[label]-> to`: whole lists compare at a glance. */
function graphOf(source: string): { nodes: string[]; edges: string[] } {
  const graph = buildGraph(parseWorkflow(source));
  return {
    nodes: graph.nodes.map((n) => `${n.id} ${n.kind}${n.parent ? ` in ${n.parent}` : ''}${n.detail ? ` (${n.detail})` : ''} @${n.line}`),
    edges: graph.edges.map((e) => `${e.from} -${e.kind}${e.label !== undefined ? `[${e.label}]` : ''}-> ${e.to}`),
  };
}

interface Case {
  name: string;
  source: string;
  nodes: string[];
  edges: string[];
}

const CASES: Case[] = [
  {
    name: 'falls through a list of steps to the end of the routine',
    source: 'main:\n  steps:\n    - a:\n        assign:\n          - x: 1\n    - b:\n        call: sys.log\n        args: {text: hi}\n',
    nodes: ['main/#start start @1', 'main/a assign (x) @3', 'main/b call (sys.log) @6', 'main/#end end @8'],
    edges: ['main/#start -next-> main/a', 'main/a -next-> main/b', 'main/b -next-> main/#end'],
  },
  {
    name: 'draws next: jumps, next: end, return and raise',
    source:
      'main:\n  params: [args]\n  steps:\n    - a:\n        next: c\n    - b:\n        return: 1\n    - c:\n        next: end\n    - d:\n        raise: "boom"\n',
    nodes: ['main/#start start (params: args) @1', 'main/a jump @4', 'main/b return (1) @6', 'main/c jump @8', 'main/d raise ("boom") @10', 'main/#end end @11'],
    edges: ['main/#start -next-> main/a', 'main/a -jump-> main/c', 'main/b -return-> main/#end', 'main/c -end-> main/#end', 'main/d -raise-> main/#end'],
  },
  {
    name: 'labels each switch condition and the no-match fall-through',
    source:
      'main:\n  steps:\n    - s:\n        switch:\n          - condition: ${x > 1}\n            next: big\n          - condition: ${x < 0}\n            steps:\n              - neg:\n                  assign:\n                    - y: -1\n        next: done\n    - big:\n        return: big\n    - done:\n        return: small\n',
    nodes: ['main/#start start @1', 'main/s switch @3', 'main/neg assign in main/s (y) @9', 'main/big return ("big") @13', 'main/done return ("small") @15', 'main/#end end @16'],
    edges: [
      'main/#start -next-> main/s',
      'main/s -condition[x > 1]-> main/big',
      'main/s -condition[x < 0]-> main/neg',
      'main/neg -jump-> main/done',
      'main/s -jump[no match]-> main/done',
      'main/big -return-> main/#end',
      'main/done -return-> main/#end',
    ],
  },
  {
    name: 'has no no-match edge when a case is always taken, and draws inline case bodies',
    source: 'main:\n  steps:\n    - s:\n        switch:\n          - condition: ${a}\n            return: 1\n          - condition: true\n            next: t\n    - t:\n        return: 2\n',
    nodes: ['main/#start start @1', 'main/s switch @3', 'main/s#case1 return in main/s (1) @5', 'main/t return (2) @9', 'main/#end end @10'],
    edges: ['main/#start -next-> main/s', 'main/s -condition[a]-> main/s#case1', 'main/s#case1 -return-> main/#end', 'main/s -condition[true]-> main/t', 'main/t -return-> main/#end'],
  },
  {
    name: 'loops a for body back to the loop, with break and continue',
    source:
      'main:\n  steps:\n    - loop:\n        for:\n          value: v\n          in: ${items}\n          steps:\n            - check:\n                switch:\n                  - condition: ${v == 0}\n                    next: continue\n                  - condition: ${v < 0}\n                    next: break\n            - work:\n                assign:\n                  - n: ${n + v}\n    - after:\n        return: ${n}\n',
    nodes: ['main/#start start @1', 'main/loop for (v in items) @3', 'main/check switch in main/loop @8', 'main/work assign in main/loop (n) @14', 'main/after return (n) @17', 'main/#end end @18'],
    edges: [
      'main/#start -next-> main/loop',
      'main/loop -next-> main/check',
      'main/check -condition[v == 0]-> main/loop',
      'main/check -condition[v < 0]-> main/after',
      'main/check -next[no match]-> main/work',
      'main/work -loop-> main/loop',
      'main/loop -next[done]-> main/after',
      'main/after -return-> main/#end',
    ],
  },
  {
    name: 'draws for range loops with their index',
    source: 'main:\n  steps:\n    - loop:\n        for:\n          value: i\n          index: k\n          range: [1, 3]\n          steps:\n            - s:\n                assign:\n                  - x: ${i}\n',
    nodes: ['main/#start start @1', 'main/loop for (i, k in range [1, 3]) @3', 'main/s assign in main/loop (x) @9', 'main/#end end @11'],
    edges: ['main/#start -next-> main/loop', 'main/loop -next-> main/s', 'main/s -loop-> main/loop', 'main/loop -next[done]-> main/#end'],
  },
  {
    name: 'gives each parallel branch a node whose steps join after the parallel step',
    source:
      'main:\n  steps:\n    - p:\n        parallel:\n          shared: [r]\n          branches:\n            - b1:\n                steps:\n                  - one:\n                      assign:\n                        - r: 1\n            - b2:\n                steps:\n                  - two:\n                      call: sys.sleep\n                      args: {seconds: 1}\n    - out:\n        return: ${r}\n',
    nodes: [
      'main/#start start @1',
      'main/p parallel (shared: r) @3',
      'main/p#b1 branch in main/p @7',
      'main/one assign in main/p#b1 (r) @9',
      'main/p#b2 branch in main/p @12',
      'main/two call in main/p#b2 (sys.sleep) @14',
      'main/out return (r) @17',
      'main/#end end @18',
    ],
    edges: [
      'main/#start -next-> main/p',
      'main/p -branch-> main/p#b1',
      'main/p#b1 -next-> main/one',
      'main/one -next-> main/out',
      'main/p -branch-> main/p#b2',
      'main/p#b2 -next-> main/two',
      'main/two -next-> main/out',
      'main/out -return-> main/#end',
    ],
  },
  {
    name: 'draws try with retry and except, and a raise inside the try going to except',
    source:
      'main:\n  steps:\n    - t:\n        try:\n          steps:\n            - get:\n                call: http.get\n                args: {url: "http://x"}\n            - bad:\n                raise: oops\n        retry: ${http.default_retry}\n        except:\n          as: e\n          steps:\n            - handle:\n                return: ${e}\n    - fin:\n        return: ok\n',
    nodes: [
      'main/#start start @1',
      'main/t try @3',
      'main/get call in main/t (http.get) @6',
      'main/bad raise in main/t ("oops") @9',
      'main/t#except except (as e) @13',
      'main/handle return in main/t#except (e) @15',
      'main/fin return ("ok") @17',
      'main/#end end @18',
    ],
    edges: [
      'main/#start -next-> main/t',
      'main/t -next-> main/get',
      'main/get -next-> main/bad',
      'main/bad -raise-> main/t#except',
      'main/t -retry[http.default_retry]-> main/t',
      'main/t -except[e]-> main/t#except',
      'main/t#except -next-> main/handle',
      'main/handle -return-> main/#end',
      'main/fin -return-> main/#end',
    ],
  },
  {
    name: 'names the inline body of a try after the try, and counts custom retries',
    source:
      'main:\n  steps:\n    - t:\n        try:\n          call: http.get\n          args: {url: "http://x"}\n        retry:\n          predicate: ${http.default_retry_predicate}\n          max_retries: 3\n          backoff: {initial_delay: 1, max_delay: 5, multiplier: 2}\n',
    nodes: ['main/#start start @1', 'main/t try @3', 'main/t#try call in main/t (http.get) @5', 'main/#end end @10'],
    edges: ['main/#start -next-> main/t', 'main/t -next-> main/t#try', 'main/t#try -next-> main/#end', 'main/t -retry[max_retries: 3]-> main/t'],
  },
  {
    name: 'links subworkflow calls to the routine and child executions to the workflow ID',
    source:
      'main:\n  steps:\n    - sub:\n        call: helper\n        args: {n: 1}\n        result: r\n    - child:\n        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run\n        args:\n          workflow_id: child-flow\n    - bucket:\n        call: googleapis.storage.v1.objects.get\n        args: {bucket: b, object: o}\nhelper:\n  params: [n]\n  steps:\n    - back:\n        return: ${n}\n',
    nodes: [
      'main/#start start @1',
      'main/sub subworkflow-call (helper) @3',
      'main/child child-execution (run child-flow) @7',
      'main/bucket connector-call (googleapis.storage.v1.objects.get) @11',
      'main/#end end @13',
      'helper/#start start (params: n) @14',
      'helper/back return (n) @17',
      'helper/#end end @18',
    ],
    edges: [
      'main/#start -next-> main/sub',
      'main/sub -call-> helper/#start',
      'main/sub -next-> main/child',
      'main/child -next-> main/bucket',
      'main/bucket -next-> main/#end',
      'helper/#start -next-> helper/back',
      'helper/back -return-> helper/#end',
    ],
  },
  {
    name: 'enters nested steps blocks and leaves them to the step after',
    source: '- outer:\n    steps:\n      - inner:\n          assign:\n            - a: 1\n- last:\n    return: ${a}\n',
    nodes: ['main/#start start @1', 'main/outer steps @1', 'main/inner assign in main/outer (a) @3', 'main/last return (a) @6', 'main/#end end @7'],
    edges: ['main/#start -next-> main/outer', 'main/outer -next-> main/inner', 'main/inner -next-> main/last', 'main/last -return-> main/#end'],
  },
  {
    name: 'draws parallel for loops and a branch that ends the routine',
    source:
      'main:\n  steps:\n    - pf:\n        parallel:\n          for:\n            value: i\n            in: [1, 2]\n            steps:\n              - w:\n                  call: sys.log\n                  args: {text: ${i}}\n',
    nodes: ['main/#start start @1', 'main/pf parallel (i in [1, 2]) @3', 'main/w call in main/pf (sys.log) @9', 'main/#end end @11'],
    edges: ['main/#start -next-> main/pf', 'main/pf -next-> main/w', 'main/w -loop-> main/pf', 'main/pf -next[done]-> main/#end'],
  },
  {
    name: 'draws no edge for a next: target that does not exist',
    source: 'main:\n  steps:\n    - a:\n        next: nowhere\n',
    nodes: ['main/#start start @1', 'main/a jump @3', 'main/#end end @4'],
    edges: ['main/#start -next-> main/a'],
  },
];

describe('workflow graph model', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const actual = graphOf(c.source);
      assert.deepEqual(actual, { nodes: c.nodes, edges: c.edges });
    });
  }

  it('builds the same graph from the JSON form of a workflow', () => {
    const json = JSON.stringify({ main: { steps: [{ a: { assign: [{ x: 1 }] } }, { b: { return: '${x}' } }] } });
    const graph = buildGraph(parseWorkflow(json));
    assert.deepEqual(
      graph.edges.map((e) => `${e.from}>${e.to}`),
      ['main/#start>main/a', 'main/a>main/b', 'main/b>main/#end'],
    );
  });

  it('keeps whatever a broken document still has', () => {
    const graph = buildGraph(parseWorkflow('main:\n  steps:\n    - a:\n        assign:\n          - x: 1\n    - b: [\n'));
    assert.deepEqual(
      graph.nodes.map((n) => n.id).slice(0, 2),
      ['main/#start', 'main/a'],
    );
  });
});
