import { deepStrictEqual, strictEqual } from 'assert';
import fc from 'fast-check';
import { cursorContext } from '../../../src/core/language/cursorContext';
import { jsonCursorContext } from '../../../src/core/language/jsonCursorContext';

/** Splits a `‸` cursor marker out of `marked`. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('‸');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe('editing: YAML cursor context', () => {
  it('reads an empty step body after Enter, at the column of the step name, as the body two columns deeper', () => {
    deepStrictEqual(cursorContext(...at('main:\n  steps:\n    - first:\n      ‸\n    - second:\n        return: 1\n')), {
      kind: 'key',
      path: ['main', 'steps', '-', 'first'],
      siblings: [],
      span: { start: 34, end: 34 },
      indent: 2,
      colon: false,
    });
  });

  it('sees the keys of a body already below the cursor', () => {
    deepStrictEqual(cursorContext(...at('- first:\n  ca‸\n    args:\n      x: 1\n')), {
      kind: 'key',
      path: ['-', 'first'],
      siblings: ['args'],
      span: { start: 11, end: 13 },
      indent: 2,
      colon: false,
    });
  });

  it('keeps a second key of an item with a value at the item column (a switch case)', () => {
    deepStrictEqual(cursorContext(...at('- s:\n    switch:\n      - condition: ${true}\n        ‸\n')), {
      kind: 'key',
      path: ['-', 's', 'switch', '-'],
      siblings: ['condition'],
      span: { start: 52, end: 52 },
      indent: 0,
      colon: false,
    });
  });

  it('says when a colon already follows the key being edited', () => {
    deepStrictEqual(cursorContext(...at('- s:\n    ca‸ll: http.get\n')), {
      kind: 'key',
      path: ['-', 's'],
      siblings: [],
      span: { start: 9, end: 13 },
      indent: 0,
      colon: true,
    });
  });

  it('reads next right after its colon', () => {
    deepStrictEqual(cursorContext(...at('- s:\n    next:‸\n')), { kind: 'next', prefix: '', span: { start: 14, end: 14 } });
  });
});

describe('editing: JSON cursor context', () => {
  it('reads a key position in a step body, with the keys around it', () => {
    deepStrictEqual(jsonCursorContext(...at('{"main": {"steps": [{"init": {"call": "http.get", ‸ "result": "r"}}]}}')), {
      kind: 'key',
      path: ['main', 'steps', '-', 'init'],
      siblings: ['call', 'result'],
      span: { start: 50, end: 50 },
      colon: false,
    });
  });

  it('reads a half-typed key with its quotes, and whether a colon follows', () => {
    deepStrictEqual(jsonCursorContext(...at('[{"a": {"ca‸": 1}}]')), { kind: 'key', path: ['-', 'a'], siblings: [], span: { start: 8, end: 12 }, colon: true });
    deepStrictEqual(jsonCursorContext(...at('{"main": {"st‸')), { kind: 'key', path: ['main'], siblings: [], span: { start: 10, end: 13 }, colon: false });
    deepStrictEqual(jsonCursorContext(...at('{"main": {"st‸\n  "params": []}}')), { kind: 'key', path: ['main'], siblings: [], span: { start: 10, end: 13 }, colon: false });
  });

  it('reads an item position of a steps list and the value of next and call', () => {
    deepStrictEqual(jsonCursorContext(...at('{"main": {"steps": [‸]}}')), { kind: 'item', path: ['main', 'steps'], span: { start: 20, end: 20 } });
    deepStrictEqual(jsonCursorContext(...at('[{"a": {"next": "b‸c"}}]')), { kind: 'next', prefix: 'b', span: { start: 17, end: 19 } });
    deepStrictEqual(jsonCursorContext(...at('[{"a": {"call": "sys.‸')), { kind: 'call', prefix: 'sys.', span: { start: 17, end: 21 } });
  });

  it('gives nothing inside other values and survives broken text', () => {
    deepStrictEqual(jsonCursorContext(...at('[{"a": {"return": "x‸"}}]')), undefined);
    deepStrictEqual(jsonCursorContext(...at('[{"a": {"return": 1‸}}]')), undefined);
    deepStrictEqual(jsonCursorContext(...at('}}]]"\\u12‸')), undefined);
    deepStrictEqual(jsonCursorContext(...at('/* open comment ‸')), undefined);
  });
});

describe('editing: cursor contexts on malformed input', () => {
  const pieces = fc.constantFrom('{', '}', '[', ']', '"', '\\', ':', ',', '\n', '  ', '- ', 'main', 'steps', 'call', 'next', '${', '/*', '//', '#', "'", 'x');
  const texts = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 60 }).map((p) => p.join('')));

  it('answers a context on the cursor\'s line, or nothing, for any text and any offset, never throwing', () => {
    fc.assert(
      fc.property(texts, fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        for (const context of [cursorContext(text, offset), jsonCursorContext(text, offset)]) {
          if (context === undefined) continue;
          strictEqual(context.span.start <= offset && offset <= context.span.end, true, JSON.stringify({ text, offset, context }));
          // Completion ranges must stay on the cursor's line.
          strictEqual(text.slice(context.span.start, context.span.end).includes('\n'), false, JSON.stringify({ text, offset, context }));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
