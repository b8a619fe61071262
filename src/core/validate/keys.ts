/**
 * Which keys are legal where, as data: per step kind and per sub-block (WORKFLOWS-LANGUAGE.md §1.3).
 * The key rules read these tables; nothing else decides what a legal key is.
 */
import type { StepKind } from '../model/types';

/** The keys that decide a step's kind; a step has exactly one of them (or only `next`). */
export const ACTION_KEYS = ['assign', 'call', 'switch', 'for', 'parallel', 'try', 'raise', 'return', 'steps'] as const;

/** Every key a step body may have, in the order the reserved-word table lists them. */
export const STEP_KEYS = [
  'assign', 'call', 'args', 'result', 'switch', 'for', 'parallel', 'try', 'retry', 'except', 'raise', 'return', 'next', 'steps',
] as const;

/**
 * The keys each step kind accepts. `raise` and `return` stand alone [D]; a `try` step takes
 * `retry`, `except` and `next` [D/R]; `for`, `parallel` and nested `steps` accept `next` [R].
 */
export const KEYS_BY_KIND: Record<StepKind, readonly string[]> = {
  assign: ['assign', 'next'],
  call: ['call', 'args', 'result', 'next'],
  switch: ['switch', 'next'],
  for: ['for', 'next'],
  parallel: ['parallel', 'next'],
  try: ['try', 'retry', 'except', 'next'],
  raise: ['raise'],
  return: ['return'],
  steps: ['steps', 'next'],
  jump: ['next'],
  invalid: STEP_KEYS,
};

/** The phrase a message uses for a step of this kind. */
export const KIND_PHRASE: Record<StepKind, string> = {
  assign: 'an assign step',
  call: 'a call step',
  switch: 'a switch step',
  for: 'a for step',
  parallel: 'a parallel step',
  try: 'a try step',
  raise: 'a raise step',
  return: 'a return step',
  steps: 'a step with nested steps',
  jump: 'a step with only next',
  invalid: 'a step',
};

/** A sub-block of a step or workflow whose keys are fixed. */
export type BlockKind = 'routine' | 'switchCase' | 'for' | 'parallel' | 'branch' | 'retry' | 'backoff' | 'except';

/**
 * Keys per sub-block. A switch case may carry an inline assign, call (with args/result), return or
 * raise beside `condition`, `next` and `steps` [D conditions, S].
 */
export const BLOCK_KEYS: Record<BlockKind, readonly string[]> = {
  routine: ['params', 'steps'],
  switchCase: ['condition', 'next', 'steps', 'assign', 'call', 'args', 'result', 'return', 'raise'],
  for: ['value', 'index', 'in', 'range', 'steps'],
  parallel: ['exception_policy', 'shared', 'concurrency_limit', 'branches', 'for'],
  branch: ['steps'],
  retry: ['predicate', 'max_retries', 'backoff'],
  backoff: ['initial_delay', 'max_delay', 'multiplier'],
  except: ['as', 'steps'],
};

export const BLOCK_PHRASE: Record<BlockKind, string> = {
  routine: 'a routine',
  switchCase: 'a switch case',
  for: 'a for loop',
  parallel: 'a parallel block',
  branch: 'a parallel branch',
  retry: 'a retry block',
  backoff: 'a backoff block',
  except: 'an except block',
};

/** The `next` targets that are not step names. */
export const SPECIAL_TARGETS = ['end', 'break', 'continue'] as const;
