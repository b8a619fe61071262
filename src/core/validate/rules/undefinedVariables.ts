/**
 * Undefined names (WORKFLOWS-LANGUAGE.md §2.9), reported with Google's deploy-time wording. A name
 * is defined in a scope when any step of that scope creates it (assign target, call `result`, for
 * `value`/`index`, except `as`, routine params), wherever the step sits: resolution is
 * flow-insensitive, as Google's checker appears to be [R], so a name created anywhere in the
 * current scope or an enclosing one is accepted. `for` bodies, `except` blocks and parallel
 * branches are child scopes: what they create is invisible outside them and to sibling branches.
 * Subworkflow names and standard-library module roots (`http` in `${http.default_retry}`) are not
 * variables but are valid symbols. A name close to a visible variable or a subworkflow gets a
 * did-you-mean (`iteraton` → `iteration`), which the editor offers as a quick fix.
 */
import type { Diagnostic } from '../../diagnostic';
import type { Expr } from '../../expr/ast';
import { visitExpr } from '../../expr/walk';
import { isStdlibModule } from '../../stdlib/catalogue';
import { isVisible, type Scope, type ValidationContext } from '../context';
import { documentSpan } from '../exprNodes';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';
import { editDistance, suggest } from '../suggest';

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
        const suggestion = likelyMeant(name, [...visibleNames(use.scope), ...context.routineByName.keys()]);
        out.push(diagnostic('undefined-variable', documentSpan(use.expr, node.span), [name], { suggestion }));
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

/** Every name defined in `scope` or a scope around it. */
function visibleNames(scope: Scope): string[] {
  const names: string[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) names.push(...s.defs.keys());
  return names;
}

/**
 * The name `name` is most likely a typo of: the closest candidate, unless another is as close
 * (`varC` among `varA` and `varB` could be either) or the two differ only in trailing digits
 * (`temp2` and `temp` are usually two variables on purpose).
 */
function likelyMeant(name: string, candidates: string[]): string | undefined {
  const best = suggest(name, candidates);
  if (best === undefined || best.replace(/\d+$/, '') === name.replace(/\d+$/, '')) return undefined;
  const distance = editDistance(name, best);
  const tie = candidates.some((c) => c !== best && c !== name && c.toLowerCase() !== name.toLowerCase() && editDistance(name, c) === distance);
  return tie && best.toLowerCase() !== name.toLowerCase() ? undefined : best;
}
