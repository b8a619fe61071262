import { deepStrictEqual, strictEqual } from 'assert';
import { MAX_SOURCE_BYTES, utf8Length } from '../../../src/core/validate/rules/sourceSize';
import { doc, EMPTY, expected, lint } from './helpers';

const BODY = ['- r:', '    return: 1'];

/** A valid workflow of exactly `bytes` UTF-8 bytes: a comment line padded with `fill`. */
function sized(bytes: number, fill = 'x'): string {
  const rest = doc(...BODY);
  const pad = bytes - rest.length - '# \n'.length;
  const count = Math.floor(pad / utf8Length(fill));
  const comment = '# ' + fill.repeat(count) + 'x'.repeat(pad - count * utf8Length(fill));
  return doc(comment, ...BODY);
}

describe('source size rule', () => {
  it('accepts a source of exactly 131,072 bytes', () => {
    const text = sized(MAX_SOURCE_BYTES);
    strictEqual(utf8Length(text), 131_072);
    deepStrictEqual(lint(text), []);
  });

  it('warns on the first line of a source one byte over the limit', () => {
    const text = sized(MAX_SOURCE_BYTES + 1);
    const first = text.slice(0, text.indexOf('\n'));
    deepStrictEqual(lint(text), [expected('source-too-large', ['131073', '131072'], `0:0-0:${first.length}`, first)]);
    strictEqual(
      lint(text)[0].message,
      'This workflow source is 131073 bytes (UTF-8); Google Cloud refuses sources over 131072 bytes (128 KB).',
    );
  });

  it('counts UTF-8 bytes, not characters: 70,000 two-byte letters are over the limit', () => {
    const text = doc('# ' + 'é'.repeat(70_000), ...BODY);
    strictEqual(text.length < MAX_SOURCE_BYTES, true);
    deepStrictEqual(lint(text), [expected('source-too-large', ['140022', '131072'], '0:0-0:70002', text.slice(0, 70_002))]);
  });

  it('counts a surrogate pair as four bytes and a lone surrogate as three', () => {
    strictEqual(utf8Length('a\u00e9\u20ac\u{1F600}'), 1 + 2 + 3 + 4);
    strictEqual(utf8Length('\ud800x'), 4);
  });

  it('stays quiet on empty input', () => {
    deepStrictEqual(lint(''), EMPTY);
  });
});
