import type * as vscode from 'vscode';

/** The slice of the extension's graph view the tests drive (its classes live in the extension's bundle). */
export interface GraphPanelApi {
  model: { nodes: { id: string; kind: string }[]; edges: unknown[] };
  lastRendered: { nodes: number; ms: number } | undefined;
  overlay: { executionName: string; summary: string; decorations: Map<string, { state?: string; count?: number; badges?: { text: string; state: string }[] }> } | undefined;
  receive(message: unknown): Promise<void>;
  panel: vscode.WebviewPanel;
}
