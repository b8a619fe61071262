import * as vscode from 'vscode';
import type { Span } from '../../core/location';

/** Converts a core span (document offsets) to a `vscode.Range` of `document`. */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** Converts a `vscode.Range` of `document` back to a core span. */
export function toSpan(document: vscode.TextDocument, range: vscode.Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** Where a span lives, as a `vscode.Location`. */
export function toLocation(document: vscode.TextDocument, span: Span): vscode.Location {
  return new vscode.Location(document.uri, toRange(document, span));
}
