/**
 * Undefined names (WORKFLOWS-LANGUAGE.md §2.9), reported with Google's deploy-time wording. A name
 * is defined in a scope when any step of that scope creates it (assign target, call `result`, for
 * `value`/`index`, except `as`, routine params), wherever the step sits: resolution is
 * flow-insensitive, as Google's checker appears to be [R], so a name created anywhere in the
 * current scope or an enclosing one is accepted. `for` bodies, `except` blocks and parallel
 * branches are child scopes: what they create is invisible outside them and to sibling branches.
 * Subworkflow names and standard-library module roots (`http` in `${http.default_retry}`) are not
 * variables but are valid symbols.
 */
import type { Diagnostic } from '../../diagnostic';
import type { Expr } from '../../expr/ast';
import { visitExpr } from '../../expr/walk';
import { isStdlibModule } from '../../stdlib/catalogue';
import { isVisible, type ValidationContext } from '../context';
import { documentSpan } from '../exprNodes';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

export const undefinedVariablesRule: Rule = {
  codes: ['undefined-variable'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const use of context.exprs) {
      const parsed = use.expr.parsed;
      if (!parsed.ok) continue;
      // A plain assignment target creates the name rather than reading it.
      if (use.target && parsed.expr.kind === 'identifier') continue;
      visitExpr(parsed.expr, (node, parent) => {
        if (node.kind !== 'identifier' || isMapKey(node, parent)) return;
        const name = node.name;
        if (isVisible(use.scope, name) || context.routineByName.has(name) || isStdlibModule(name)) return;
        if (LITERAL_SPELLINGS.has(name)) return;
        out.push(diagnostic('undefined-variable', documentSpan(use.expr, node.span), [name]));
      });
    }
    return out;
  },
};

/**
 * Capitalised literals: Google documents `True`/`TRUE` [D datatypes] and its own demos compare with
 * `Null` [S workflows-bigquery-load], so these are never reported as undefined names, whatever the
 * expression parser makes of them.
 */
const LITERAL_SPELLINGS = new Set(['Null', 'NULL', 'True', 'TRUE', 'False', 'FALSE']);

/** A bare word used as a key of a map literal names the key, not a variable. */
function isMapKey(node: Expr, parent: Expr | undefined): boolean {
  return parent?.kind === 'map' && parent.entries.some((entry) => entry.key === node);
}
