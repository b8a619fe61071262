/**
 * Source size (WORKFLOWS-LANGUAGE.md §6): Google refuses to deploy a source over 128 KB. The
 * figure is only quoted by third parties [E/R], so the validator warns; the emulator refuses.
 * [R] The limit is 131,072 bytes of UTF-8 (what the API receives), not characters.
 */
import type { Diagnostic } from '../../diagnostic';
import type { ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

/** 128 KB: the largest source, in UTF-8 bytes, that Google accepts. */
export const MAX_SOURCE_BYTES = 128 * 1024;

/** The UTF-8 length of `text`, counted without encoding it (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** True when `text` is over the limit; cheap for the usual small document. */
export function sourceTooLarge(text: string): boolean {
  // A UTF-16 unit is at least one UTF-8 byte, so a short text needs no counting.
  return text.length > MAX_SOURCE_BYTES || (text.length * 3 > MAX_SOURCE_BYTES && utf8Length(text) > MAX_SOURCE_BYTES);
}

export const sourceSizeRule: Rule = {
  codes: ['source-too-large'],
  check(context: ValidationContext): Diagnostic[] {
    const text = context.workflow.text;
    if (!sourceTooLarge(text)) return [];
    // The first line: a whole-document squiggle would bury every other diagnostic.
    const newline = text.indexOf('\n');
    let end = newline < 0 ? text.length : newline;
    if (end > 0 && text[end - 1] === '\r') end--;
    return [diagnostic('source-too-large', { start: 0, end }, [String(utf8Length(text)), String(MAX_SOURCE_BYTES)])];
  },
};
