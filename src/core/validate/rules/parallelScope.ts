/**
 * Variables across a parallel step (WORKFLOWS-LANGUAGE.md §1.3 parallel, §2.9), by the structural
 * semantics (`definedBefore`, `unsharedWriteBoundary` in `core/semantics`): a branch or parallel
 * iteration may only assign a variable of the surrounding scope when the parallel step lists it in
 * `shared` [S parallel_shared_variables], and every `shared` name must exist before the parallel
 * step [D]. "Exists before" means created by a step that starts earlier in the source in the
 * parallel step's scope or an enclosing one (or a parameter) [R]: a name first created after the
 * parallel step is a new branch-local variable. The engine refuses the same writes.
 */
import type { Diagnostic } from '../../diagnostic';
import { definedBefore, unsharedWriteBoundary } from '../../semantics';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

export const parallelScopeRule: Rule = {
  codes: ['unshared-parallel-write', 'unknown-shared-variable'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const info of stepsOfKind(context, 'parallel')) {
      for (const name of info.step.parallel.shared) {
        if (!definedBefore(info.scope, name.value, info.step.span.start)) {
          out.push(diagnostic('unknown-shared-variable', name.span, [name.value]));
        }
      }
    }
    for (const write of context.writes) {
      if (unsharedWriteBoundary(write.scope, write.name)) out.push(diagnostic('unshared-parallel-write', write.span, [write.name]));
    }
    return out;
  },
};
