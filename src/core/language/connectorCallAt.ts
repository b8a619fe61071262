/**
 * The connector call whose argument list the cursor is in, read from the text before the cursor
 * on its line: the innermost unclosed `(` preceded by a connector name, and how many top-level
 * commas precede the cursor. Pure (no `vscode` import).
 */
import { isConnectorNamespace } from '../connectors/catalogue';

export function connectorCallAt(before: string): { name: string; argIndex: number } | undefined {
  const open = before.lastIndexOf('${');
  if (open < 0) return undefined;
  const call = openCall(before.slice(open + 2));
  return call && isConnectorNamespace(call.name) ? call : undefined;
}

/**
 * The innermost `(` not closed before the end of `text` (an expression up to the cursor),
 * preceded by a dotted name, and how many top-level commas follow it: the call being written.
 */
export function openCall(text: string): { name: string; argIndex: number } | undefined {
  const stack: { at: number; commas: number }[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') stack.push({ at: i, commas: 0 });
    else if (c === ')' || c === ']' || c === '}') stack.pop();
    else if (c === ',' && stack.length) stack[stack.length - 1].commas++;
  }
  const inner = stack[stack.length - 1];
  if (!inner || text[inner.at] !== '(') return undefined;
  const name = /[A-Za-z_][\w.]*$/.exec(text.slice(0, inner.at).trimEnd())?.[0];
  return name ? { name, argIndex: inner.commas } : undefined;
}
