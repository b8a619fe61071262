/**
 * Structural semantics of the language in one place: variable scopes, jump targets and what a
 * parallel branch may do. The validator, the engine and the editor read only this module for those
 * questions (STYLE.md point 13).
 */
export { BLOCK_PHRASES, BLOCK_RULES, SCOPE_WRITES, type BlockKind, type BlockRule, type ScopeKind } from './rules';
export {
  Semantics,
  definedBefore,
  definitionOf,
  isVisible,
  resolvesStatically,
  routineSemantics,
  scopeAt,
  semanticsOf,
  unsharedWriteBoundary,
  visibleVariables,
  type Definition,
  type Place,
  type RoutineSemantics,
  type ScopeOwner,
  type StaticScope,
} from './analysis';
export { SPECIAL_TARGETS, findInList, jumpTargets, jumpVerdict, returnVerdict, type Refusal, type Verdict } from './jumps';
