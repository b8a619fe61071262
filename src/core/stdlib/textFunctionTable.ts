/** The `text` module's functions as catalogue data (WORKFLOWS-LANGUAGE.md §3.13). */
import { define, opt, req } from './defineFunctions';
import type { StdlibFunction } from './types';

const SOURCE = req('source', 'The string.');

export const TEXT_FUNCTION_TABLE: StdlibFunction[] = define('text', {
  decode: {
    params: [req('data', 'The bytes to decode.'), opt('charset', 'The character set.', '"UTF-8"')],
    returns: 'string',
    doc: 'Decodes bytes to a string with the given character set.',
    errors: ['TypeError', 'ValueError'],
  },
  encode: {
    params: [req('text', 'The string to encode.'), opt('charset', 'The character set.', '"UTF-8"')],
    returns: 'bytes',
    doc: 'Encodes a string to bytes with the given character set.',
    errors: ['TypeError', 'ValueError'],
  },
  find_all: {
    params: [SOURCE, req('substr', 'The substring to find.')],
    returns: 'list<integer>',
    doc: 'Returns the character indexes of all non-overlapping occurrences of a substring.',
    errors: ['TypeError', 'ValueError'],
  },
  find_all_regex: {
    params: [SOURCE, req('regexp', 'An RE2 regular expression.')],
    returns: 'list<map{index, match}>',
    doc: 'Returns every non-overlapping match of a regular expression with its character index.',
    errors: ['TypeError', 'ValueError'],
  },
  match_regex: {
    params: [SOURCE, req('regexp', 'An RE2 regular expression.')],
    returns: 'boolean',
    doc: 'Tells whether a regular expression matches anywhere in the string.',
    errors: ['TypeError', 'ValueError'],
  },
  replace_all: {
    params: [SOURCE, req('substr', 'The substring to replace.'), req('repl', 'The replacement.')],
    returns: 'string',
    doc: 'Replaces every non-overlapping occurrence of a substring.',
    errors: ['TypeError', 'ValueError'],
  },
  replace_all_regex: {
    params: [SOURCE, req('regexp', 'An RE2 regular expression.'), req('repl', 'The replacement; \\0 to \\9 insert groups.')],
    returns: 'string',
    doc: 'Replaces every match of a regular expression.',
    errors: ['TypeError', 'ValueError'],
  },
  split: {
    params: [SOURCE, req('separator', 'The separator string.')],
    returns: 'list<string>',
    doc: 'Splits a string at every occurrence of a separator, keeping empty parts.',
    errors: ['TypeError', 'ValueError'],
  },
  substring: {
    params: [SOURCE, req('start', 'Start index, inclusive; negative counts from the end.'), req('end', 'End index, exclusive; negative counts from the end.')],
    returns: 'string',
    doc: 'Returns the characters from start (inclusive) to end (exclusive), clamping out-of-range indexes.',
    errors: ['TypeError'],
  },
  to_lower: { params: [SOURCE], returns: 'string', doc: 'Converts a string to lower case.', errors: ['TypeError'] },
  to_upper: { params: [SOURCE], returns: 'string', doc: 'Converts a string to upper case.', errors: ['TypeError'] },
  url_decode: {
    params: [SOURCE],
    returns: 'string',
    doc: 'Decodes %XX escapes and + signs of URL-encoded text.',
    errors: ['TypeError', 'ValueError'],
  },
  url_encode: { params: [SOURCE], returns: 'string', doc: 'Percent-encodes reserved characters, spaces as %20.', errors: ['TypeError'] },
  url_encode_plus: { params: [SOURCE], returns: 'string', doc: 'Percent-encodes reserved characters, spaces as +.', errors: ['TypeError'] },
});
