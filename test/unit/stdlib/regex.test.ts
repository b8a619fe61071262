import * as assert from 'node:assert/strict';
import { call, callError, err, map } from './fakeHost';

function found(...pairs: [number, string][]): Map<string, bigint | string>[] {
  return pairs.map(([index, match]) => map({ index: BigInt(index), match }) as Map<string, bigint | string>);
}

function invalid(fn: string, pattern: string, reason: string): ReturnType<typeof err> {
  return err('ValueError', `${fn}: invalid regular expression ${JSON.stringify(pattern)}: ${reason}`);
}

describe('regular expression functions', () => {
  describe('text.find_all_regex', () => {
    it('follows the documented example', async () => {
      assert.deepEqual(await call('text.find_all_regex', ['HelloWorld', 'Hello|World']), found([0, 'Hello'], [5, 'World']));
      assert.deepEqual(await call('text.find_all_regex', ['abc', 'x']), []);
    });

    it('reports code-point indexes and skips empty matches next to a match', async () => {
      assert.deepEqual(await call('text.find_all_regex', ['😀ab😀ab', 'ab']), found([1, 'ab'], [4, 'ab']));
      assert.deepEqual(await call('text.find_all_regex', ['baaac', 'a*']), found([0, ''], [1, 'aaa'], [5, '']));
    });

    it('prefers the longest match at the leftmost index, with counted repetition', async () => {
      assert.deepEqual(await call('text.find_all_regex', ['abcd', 'a|ab']), found([0, 'ab']));
      assert.deepEqual(await call('text.find_all_regex', ['abcd', 'b|abc|a']), found([0, 'abc']));
      assert.deepEqual(await call('text.find_all_regex', ['aaaaa', 'a{2,3}?']), found([0, 'aaa'], [3, 'aa']));
      assert.deepEqual(await call('text.find_all_regex', ['aaaaa', 'a{2,}']), found([0, 'aaaaa']));
    });

    it('supports classes, anchors, flags and Unicode properties', async () => {
      assert.deepEqual(await call('text.find_all_regex', ['ab12cd345', '\\d+']), found([2, '12'], [6, '345']));
      assert.deepEqual(await call('text.find_all_regex', ['ab1cd', '[[:alpha:]]+']), found([0, 'ab'], [3, 'cd']));
      assert.deepEqual(await call('text.find_all_regex', ['abγδε', '\\p{Greek}+']), found([2, 'γδε']));
      assert.deepEqual(await call('text.find_all_regex', ['ab\ncd', '(?m)^\\w+$']), found([0, 'ab'], [3, 'cd']));
      assert.deepEqual(await call('text.find_all_regex', ['ab\ncd', '^\\w+$']), []);
      assert.deepEqual(await call('text.find_all_regex', ['HÉLLO héllo', '(?i)héllo']), found([0, 'HÉLLO'], [6, 'héllo']));
      assert.deepEqual(await call('text.find_all_regex', ['foo foobar foo', '\\bfoo\\b']), found([0, 'foo'], [11, 'foo']));
      assert.deepEqual(await call('text.find_all_regex', ['a.b*c', '\\Q.b*\\E']), found([1, '.b*']));
      assert.deepEqual(await call('text.find_all_regex', ['x\ny', '(?s).+']), found([0, 'x\ny']));
      assert.deepEqual(await call('text.find_all_regex', ['x\ny', '.+']), found([0, 'x'], [2, 'y']));
      assert.deepEqual(await call('text.find_all_regex', ['A=1', '\\x41\\x{3D}\\061']), found([0, 'A=1']));
    });

    it('folds case as RE2 does and repeats empty alternatives as RE2 does', async () => {
      assert.deepEqual(await call('text.find_all_regex', ['ς σ Σ', '(?i)σ']), found([0, 'ς'], [2, 'σ'], [4, 'Σ']));
      assert.deepEqual(await call('text.find_all_regex', ['s S ſ', '(?i)ſ']), found([0, 's'], [2, 'S'], [4, 'ſ']));
      assert.deepEqual(await call('text.find_all_regex', ['K', '(?i)\u212a']), found([0, 'K']));
      assert.deepEqual(await call('text.find_all_regex', ['aaa', '(|a)+']), found([0, 'aaa']));
      assert.equal(await call('text.replace_all_regex', ['aaa', '(|a)+', 'X']), 'XaXaXaX');
      assert.equal(await call('text.match_regex', ['ς', '(?i)Σ']), true);
    });

    it('counts code points across surrogate pairs, also for empty matches between them', async () => {
      assert.deepEqual(await call('text.find_all_regex', ['😀😀x', '.']), found([0, '😀'], [1, '😀'], [2, 'x']));
      assert.deepEqual(await call('text.find_all_regex', ['😀😀', 'x*']), found([0, ''], [1, ''], [2, '']));
      assert.equal(await call('text.replace_all_regex', ['😀😀', 'x*', '-']), '-😀-😀-');
    });

    it('runs in linear time where a backtracking engine would not finish', async () => {
      const started = Date.now();
      assert.deepEqual(await call('text.find_all_regex', ['a'.repeat(20000), '(a+)+b']), []);
      assert.ok(Date.now() - started < 5000);
    });
  });

  describe('text.match_regex', () => {
    it('tells whether the expression matches anywhere', async () => {
      assert.equal(await call('text.match_regex', ['hello world', 'o w']), true);
      assert.equal(await call('text.match_regex', ['hello', '^ello']), false);
      assert.equal(await call('text.match_regex', ['', '^$']), true);
      assert.equal(await call('text.match_regex', ['user@example.com', '^[\\w.+-]+@(?P<domain>[\\w-]+\\.)+\\w+$']), true);
    });

    it('refuses constructs RE2 does not have with a ValueError', async () => {
      const fn = 'text.match_regex';
      // RE2's own reasons (re2js reports them as Go's regexp/syntax does).
      const cases: [string, string][] = [
        ['(a)\\1', 'invalid escape sequence: `\\1`'],
        ['a(?=b)', 'invalid or unsupported Perl syntax: `(?=`'],
        ['(?<!a)b', 'invalid named capture: `(?<!a)b`'],
        ['(?P<x>a)(?P=x)', 'invalid or unsupported Perl syntax: `(?P`'],
        ['(?>a)', 'invalid or unsupported Perl syntax: `(?>`'],
        ['(a', 'missing closing ): `(a`'],
        ['a)', 'unexpected ): `a)`'],
        ['*a', 'missing argument to repetition operator: `*`'],
        ['a**', 'invalid nested repetition operator: `**`'],
        ['a{1001}', 'invalid repeat count: `{1001}`'],
        ['a{3,2}', 'invalid repeat count: `{3,2}`'],
        ['((a{100}){100}){100}', 'invalid repeat count: `{100}`'],
        ['[a', 'missing closing ]: `[a`'],
        ['[z-a]', 'invalid character class range: `z-a`'],
        ['\\pX', 'invalid character class range: `\\pX`'],
        ['\\C', 'invalid escape sequence: `\\C`'],
        ['\\Z', 'invalid escape sequence: `\\Z`'],
        ['a\\', 'trailing backslash at end of expression'],
      ];
      for (const [pattern, reason] of cases) assert.deepEqual(await callError(fn, ['x', pattern]), invalid(fn, pattern, reason), pattern);
    });

    it('requires strings', async () => {
      assert.deepEqual(await callError('text.match_regex', ['x', 1n]), err('TypeError', 'text.match_regex: argument "regexp" must be a string, got integer'));
      assert.deepEqual(await callError('text.match_regex', [null, 'x']), err('TypeError', 'text.match_regex: argument "source" must be a string, got null'));
    });
  });

  describe('text.replace_all_regex', () => {
    it('replaces every match with group references', async () => {
      assert.equal(await call('text.replace_all_regex', ['John Smith', '(\\w+) (\\w+)', '\\2, \\1']), 'Smith, John');
      assert.equal(await call('text.replace_all_regex', ['a1b22c', '\\d+', '<\\0>']), 'a<1>b<22>c');
      assert.equal(await call('text.replace_all_regex', ['path', 'a', '\\\\']), 'p\\th');
      assert.equal(await call('text.replace_all_regex', ['abc', 'x*', '-']), '-a-b-c-');
      assert.equal(await call('text.replace_all_regex', ['ab', '(x)?b', '[\\1]']), 'a[]');
      assert.equal(await call('text.replace_all_regex', ['😀😀', '😀', 'x']), 'xx');
      assert.equal(await call('text.replace_all_regex', ['abcd', 'a|ab', 'X']), 'Xbcd');
      assert.equal(await call('text.replace_all_regex', ['aaaa', 'a+?', 'X']), 'XXXX');
    });

    it('refuses bad replacement templates', async () => {
      assert.deepEqual(
        await callError('text.replace_all_regex', ['ab', '(a)', '\\2']),
        err('ValueError', 'text.replace_all_regex: the replacement refers to group \\2 but the expression has 1 group'),
      );
      assert.deepEqual(
        await callError('text.replace_all_regex', ['ab', 'a', '\\n']),
        err('ValueError', 'text.replace_all_regex: invalid replacement "\\\\n": use \\0 to \\9 for groups and \\\\ for a backslash'),
      );
    });
  });
});
