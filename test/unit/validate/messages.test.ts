import { deepStrictEqual } from 'assert';
import { RULES } from '../../../src/core/validate';
import { CROSS_WORKFLOW_CODES } from '../../../src/core/validate/childWorkflows';
import { MESSAGES, messageFor } from '../../../src/core/validate/messages';
import { editDistance, suggest } from '../../../src/core/validate/suggest';

describe('message table', () => {
  it('has a message for every code a rule declares, and every code is reported by a rule or the entry point', () => {
    const declared = new Set(RULES.flatMap((rule) => rule.codes));
    const fromEntryPoint = ['expr-syntax', 'invalid-assignment-target', 'internal-error', 'yaml-indentation', ...CROSS_WORKFLOW_CODES];
    deepStrictEqual([...declared].filter((code) => !(code in MESSAGES)), []);
    deepStrictEqual(Object.keys(MESSAGES).filter((code) => !declared.has(code as keyof typeof MESSAGES) && !fromEntryPoint.includes(code)), []);
  });

  it("appends a suggestion as Google's style of question", () => {
    deepStrictEqual(messageFor('unknown-key', ['stpes', 'a for loop'], 'steps'), "Unknown key 'stpes' in a for loop. Did you mean 'steps'?");
  });

  it('counts arguments in words, singular and plural', () => {
    deepStrictEqual(messageFor('too-many-arguments', ['len', '1', '2']), "'len' takes at most 1 argument, but 2 are given.");
    deepStrictEqual(messageFor('too-many-arguments', ['uuid.generate', '0', '1']), "'uuid.generate' takes at most 0 arguments, but 1 is given.");
  });

  it("uses Google's own words for an undefined name", () => {
    deepStrictEqual(messageFor('undefined-variable', ['varC']), "symbol 'varC' is neither a variable nor a sub-workflow name");
  });
});

describe('suggestions', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    deepStrictEqual([editDistance('steps', 'steps'), editDistance('step', 'steps'), editDistance('stpes', 'steps'), editDistance('stops', 'steps'), editDistance('', 'abc')], [0, 1, 1, 1, 3]);
  });

  it('suggests the closest plausible name and nothing for unrelated or very short words', () => {
    deepStrictEqual(
      [suggest('retrun', ['return', 'raise']), suggest('banana', ['return', 'raise']), suggest('b', ['a', 'c']), suggest('A', ['a']), suggest('max_retry', ['max_retries', 'predicate'])],
      ['return', undefined, undefined, 'a', 'max_retries'],
    );
  });
});
