/**
 * The Markdown a hover shows for a resolved symbol, shared by the VS Code hover provider and the
 * language server. Pure (no `vscode` import).
 */
import type { Workflow } from '../model/types';
import { lookupConstant, lookupFunction } from '../stdlib/catalogue';
import { functionSignature, paramDocs, subworkflowSignature } from './signatures';
import type { SymbolAt } from './symbolAt';
import { findStep, variablesAt } from './workflowQuery';

/** Markdown for `symbol` (found at `offset`); `lineOf` turns an offset into a 1-based line number. */
export function describeSymbol(symbol: SymbolAt, workflow: Workflow, offset: number, lineOf: (offset: number) => number): string | undefined {
  switch (symbol.kind) {
    case 'callable': {
      const fn = lookupFunction(symbol.name);
      if (fn) {
        const blocking = 'blocking' in fn && fn.blocking ? '\n\nBlocking: call it from a `call` step.' : '';
        return [code(functionSignature(fn)), fn.doc + blocking, ...paramDocs(fn.params)].join('\n\n');
      }
      const constant = lookupConstant(symbol.name);
      if (constant) return [code(constant.name), constant.doc].join('\n\n');
      const routine = workflow.routines.find((r) => r.name.value === symbol.name);
      if (routine) return [code(subworkflowSignature(routine, workflow.text)), `Subworkflow, line ${lineOf(routine.name.span.start)}.`].join('\n\n');
      return undefined;
    }
    case 'variable': {
      const definition = variablesAt(symbol.routine, offset).get(symbol.name);
      if (!definition) return undefined;
      const how = { param: 'Parameter', assign: 'Variable, first assigned', result: 'Call result, first assigned', loop: 'Loop variable', error: 'Error variable of `except`' }[definition.kind];
      return `${code(symbol.name)}\n\n${how} on line ${lineOf(definition.span.start)}.`;
    }
    case 'nextTarget': {
      if (symbol.name === 'end') return 'Ends the routine without a value.';
      const step = findStep(symbol.routine, symbol.name);
      return step ? `Step ${code(step.name.value)}, line ${lineOf(step.name.span.start)}.` : undefined;
    }
  }
}

function code(text: string): string {
  return '`' + text + '`';
}
