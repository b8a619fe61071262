import * as vscode from 'vscode';
import { isWorkflowDocument } from '../workflowFiles';

/** A variable with its `.key` and `[index]` parts, as the language writes them. */
const PATH = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:[0-9]+|"[^"\n]*"|'[^'\n]*')\])*/g;

/**
 * What a hover evaluates while a workflow is stopped: the variable path under the mouse inside a
 * `${…}` (`order.items[0]` rather than the YAML word), so hovering shows its value in workflow syntax.
 */
export class WorkflowEvaluatableExpressionProvider implements vscode.EvaluatableExpressionProvider {
  provideEvaluatableExpression(document: vscode.TextDocument, position: vscode.Position): vscode.EvaluatableExpression | undefined {
    if (!isWorkflowDocument(document)) return undefined;
    const line = document.lineAt(position.line).text;
    for (const match of line.matchAll(PATH)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (position.character < start || position.character > end) continue;
      // Keys and step names are not variables: only what lies inside `${…}` is evaluated.
      if (!insideExpression(line, start)) return undefined;
      // Only up to the part under the mouse: hovering `order` in `order.items` evaluates `order`.
      const dot = line.slice(position.character, end).search(/[.[]/);
      const cut = dot < 0 ? end : position.character + dot;
      return new vscode.EvaluatableExpression(new vscode.Range(position.line, start, position.line, cut), line.slice(start, cut));
    }
    return undefined;
  }
}

/** Whether `offset` lies inside a `${…}` of the line (braces inside it counted). */
function insideExpression(line: string, offset: number): boolean {
  for (let open = line.indexOf('${'); open >= 0 && open < offset; open = line.indexOf('${', open + 2)) {
    let depth = 0;
    let close = open + 1;
    for (; close < line.length; close++) {
      if (line[close] === '{') depth++;
      else if (line[close] === '}' && --depth === 0) break;
    }
    if (offset < close) return true;
  }
  return false;
}
