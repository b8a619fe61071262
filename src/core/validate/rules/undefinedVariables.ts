/**
 * Undefined names (WORKFLOWS-LANGUAGE.md §2.9), reported with Google's deploy-time wording. What a
 * name resolves to is the structural semantics' question (`resolvesStatically` in
 * `core/semantics`): a variable created anywhere in the current scope or an enclosing one
 * (flow-insensitive, as Google's checker appears to be [R]), a subworkflow, a standard-library
 * module root (`http` in `${http.default_retry}`) or a capitalised literal. `for` bodies, `except`
 * blocks and parallel branches are child scopes: what they create is invisible outside them and to
 * sibling branches. The engine's KeyError for a name this rule reports is a structural refusal.
 * A name close to a visible variable or a subworkflow gets a did-you-mean (`iteraton` →
 * `iteration`), which the editor offers as a quick fix.
 */
import type { Diagnostic } from '../../diagnostic';
import type { Expr } from '../../expr/ast';
import { visitExpr } from '../../expr/walk';
import { resolvesStatically, semanticsOf, visibleVariables } from '../../semantics';
import type { ValidationContext } from '../context';
import { documentSpan } from '../exprNodes';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';
import { editDistance, suggest } from '../suggest';

export const undefinedVariablesRule: Rule = {
  codes: ['undefined-variable'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const semantics = semanticsOf(context.workflow);
    for (const use of context.exprs) {
      const parsed = use.expr.parsed;
      if (!parsed.ok) continue;
      // A plain assignment target creates the name rather than reading it.
      if (use.target && parsed.expr.kind === 'identifier') continue;
      visitExpr(parsed.expr, (node, parent) => {
        if (node.kind !== 'identifier' || isMapKey(node, parent)) return;
        const name = node.name;
        if (resolvesStatically(semantics, use.scope, name)) return;
        const suggestion = likelyMeant(name, [...visibleVariables(use.scope).keys(), ...context.routineByName.keys()]);
        out.push(diagnostic('undefined-variable', documentSpan(use.expr, node.span), [name], { suggestion }));
      });
    }
    return out;
  },
};

/** A bare word used as a key of a map literal names the key, not a variable. */
function isMapKey(node: Expr, parent: Expr | undefined): boolean {
  return parent?.kind === 'map' && parent.entries.some((entry) => entry.key === node);
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
