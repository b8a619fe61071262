import * as assert from 'assert';
import type { Expr } from '../../../src/core/expr/ast';
import { EXPR_MESSAGES } from '../../../src/core/expr/errors';
import { parseExpression } from '../../../src/core/expr/parser';
import { assignmentTarget, calls, freeVariables, parseAssignmentTarget, visitExpr } from '../../../src/core/expr/walk';
import { bin, call, id, int, str } from './nodes';

function parse(text: string): Expr {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
}

describe('visitExpr', () => {
  it('visits parents before children, in source order, with each parent', () => {
    const seen: string[] = [];
    visitExpr(parse('f(a.b[i], {"k": -x}) + [y]'), (node, parent) => {
      seen.push(`${node.kind}<${parent?.kind ?? 'root'}`);
    });
    assert.deepStrictEqual(seen, [
      'binary<root',
      'call<binary',
      'index<call',
      'member<index',
      'identifier<member',
      'identifier<index',
      'map<call',
      'string<map',
      'unary<map',
      'identifier<unary',
      'list<binary',
      'identifier<list',
    ]);
  });

  it('skips the children of a node when the visitor returns false', () => {
    const seen: string[] = [];
    visitExpr(parse('a + len(b) * c'), (node) => {
      seen.push(node.kind);
      return node.kind !== 'call';
    });
    assert.deepStrictEqual(seen, ['binary', 'identifier', 'binary', 'call', 'identifier']);
  });
});

describe('freeVariables', () => {
  it('lists every variable read with its span, but no property or function names', () => {
    assert.deepStrictEqual(freeVariables(parse('text.split(x.y, sep)[i] + x')), [
      id('x', 11), id('sep', 16), id('i', 21), id('x', 26),
    ]);
  });

  it('includes variables used as map keys and inside nested literals', () => {
    assert.deepStrictEqual(freeVariables(parse('{k: [v]}')), [id('k', 1), id('v', 5)]);
  });

  it('returns nothing for literals', () => {
    assert.deepStrictEqual(freeVariables(parse('[1, "a", null, true]')), []);
  });
});

describe('calls', () => {
  it('lists outer calls before the calls in their arguments', () => {
    assert.deepStrictEqual(
      calls(parse('len(text.split(s, ",")) + my_sub(1)')).map((c) => [c.callee, c.calleeSpan]),
      [
        ['len', { start: 0, end: 3 }],
        ['text.split', { start: 4, end: 14 }],
        ['my_sub', { start: 26, end: 32 }],
      ],
    );
  });

  it('returns the whole call nodes', () => {
    assert.deepStrictEqual(calls(parse('1 + f("a")')), [call('f', 4, [4, 10], str('a', [6, 9]))]);
  });
});

describe('assignmentTarget', () => {
  it('reads a plain variable', () => {
    assert.deepStrictEqual(parseAssignmentTarget('my_var'), {
      ok: true, target: { root: 'my_var', rootSpan: { start: 0, end: 6 }, path: [] },
    });
  });

  it('reads properties and indexes in order', () => {
    assert.deepStrictEqual(parseAssignmentTarget('a.b["k"][i + 1]'), {
      ok: true,
      target: {
        root: 'a',
        rootSpan: { start: 0, end: 1 },
        path: [
          { kind: 'property', name: 'b', span: { start: 2, end: 3 } },
          { kind: 'index', index: str('k', [4, 7]), span: { start: 4, end: 7 } },
          { kind: 'index', index: bin('+', [11, 12], id('i', 9), int('1', 13), [9, 14]), span: { start: 9, end: 14 } },
        ],
      },
    });
  });

  it('reads a computed key on a nested map as used by Google samples', () => {
    const result = parseAssignmentTarget('execution_results.success[string(iteration)]');
    assert.deepStrictEqual(result.ok && [result.target.root, result.target.path.map((p) => p.kind)], [
      'execution_results', ['property', 'index'],
    ]);
  });

  const rejected: [string, number, number][] = [
    ['a + b', 0, 5],
    ['f(x).y', 0, 4],
    ['[a][0]', 0, 3],
    ['"k"', 0, 3],
    ['-a', 0, 2],
  ];
  for (const [text, start, end] of rejected) {
    it(`rejects ${JSON.stringify(text)} at the part that is not a variable`, () => {
      assert.deepStrictEqual(parseAssignmentTarget(text), {
        ok: false, error: { message: EXPR_MESSAGES.notAssignable, span: { start, end } },
      });
    });
  }

  it('passes syntax errors through', () => {
    assert.deepStrictEqual(parseAssignmentTarget('a[0'), {
      ok: false, error: { message: EXPR_MESSAGES.notClosed('['), span: { start: 1, end: 2 } },
    });
  });

  it('accepts an already parsed expression', () => {
    assert.deepStrictEqual(assignmentTarget(id('x', 3)), {
      ok: true, target: { root: 'x', rootSpan: { start: 3, end: 4 }, path: [] },
    });
  });
});
