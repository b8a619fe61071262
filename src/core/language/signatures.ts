/** Human-readable signatures for hover and completion details. Pure (no `vscode` import). */
import type { StdlibFunction, StdlibParam } from '../stdlib/catalogue';
import type { Routine } from '../model/types';

/** How a parameter reads in a signature: `name`, `name?`, `name = default`. */
export function paramText(p: StdlibParam): string {
  if (p.defaultText !== undefined) return `${p.name} = ${p.defaultText}`;
  return p.optional ? `${p.name}?` : p.name;
}

/** `text.split(source, separator) → list<string>`. */
export function functionSignature(f: StdlibFunction): string {
  return `${f.name}(${f.params.map(paramText).join(', ')}) → ${f.returns}`;
}

/** `my_sub(first_name, country = "England")`, with defaults as written in the source. */
export function subworkflowSignature(routine: Routine, text: string): string {
  const params = routine.params.map((p) => (p.default ? `${p.name.value} = ${text.slice(p.default.span.start, p.default.span.end)}` : p.name.value));
  return `${routine.name.value}(${params.join(', ')})`;
}

/** Markdown lines describing each parameter that has a doc sentence. */
export function paramDocs(params: readonly StdlibParam[]): string[] {
  return params.filter((p) => p.doc).map((p) => `- \`${p.name}\`${p.optional ? ' (optional)' : ''}: ${p.doc}`);
}
