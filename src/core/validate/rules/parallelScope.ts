/**
 * Variables across a parallel step (WORKFLOWS-LANGUAGE.md §1.3 parallel, §2.9): a branch or
 * parallel iteration may only assign a variable of the surrounding scope when the parallel step
 * lists it in `shared` [S parallel_shared_variables], and every `shared` name must exist before the
 * parallel step [D]. "Exists before" means created by a step that starts earlier in the source in
 * the parallel step's scope or an enclosing one (or a parameter) [R]: a name first created after
 * the parallel step is a new branch-local variable, not a write to the parent.
 */
import type { Diagnostic } from '../../diagnostic';
import type { ParallelStep } from '../../model/types';
import { stepsOfKind, type Scope, type ValidationContext } from '../context';
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
      for (let scope: Scope | undefined = write.scope; scope; scope = scope.parent) {
        const parallel = scope.parallel;
        if (!parallel || !scope.parent) continue;
        if (!definedBefore(scope.parent, write.name, parallel.span.start)) continue;
        if (sharedNames(parallel).includes(write.name)) continue;
        out.push(diagnostic('unshared-parallel-write', write.span, [write.name]));
        break;
      }
    }
    return out;
  },
};

function definedBefore(scope: Scope, name: string, offset: number): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const at = s.defs.get(name);
    if (at !== undefined && at.span.start < offset) return true;
  }
  return false;
}

function sharedNames(step: ParallelStep): string[] {
  return step.parallel.shared.map((n) => n.value);
}
