/**
 * `cloud-workflows graph <file>`: prints a workflow's control-flow graph as Mermaid, Graphviz DOT,
 * a self-contained SVG, or the graph model as JSON. Exit 0 on success, 2 on usage or read errors.
 * A workflow with errors still gets a graph of whatever could be read (lint says what is wrong).
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { buildGraph } from '../core/graph/buildGraph';
import { toDot } from '../core/graph/dot';
import { toMermaid } from '../core/graph/mermaid';
import type { WorkflowGraph } from '../core/graph/types';
import { parseWorkflow } from '../core/model/parse';
import { layoutGraph } from '../graph/layout';
import { renderSvg } from '../graph/svg';

const USAGE = `usage: cloud-workflows graph <file> [--format mermaid|dot|svg|json]

Prints the control-flow graph of a workflow file.

options:
  --format mermaid|dot|svg|json   output format (default mermaid); json prints
                                  {nodes: [{id, kind, label, routine, line, ...}], edges: [{from, to, kind, label?}]}
  -h, --help                      show this help
`;

const FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** The graph as JSON data: node spans (UTF-16 offsets) are left out; `line` locates a node. */
export function graphJson(graph: WorkflowGraph): unknown {
  return { nodes: graph.nodes.map(({ span: _span, ...rest }) => rest), edges: graph.edges };
}

export async function main(argv: string[]): Promise<number> {
  let values: { format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    process.stderr.write(`cloud-workflows graph: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = (values.format ?? 'mermaid') as Format;
  if (!FORMATS.includes(format) || positionals.length !== 1) {
    process.stderr.write(`cloud-workflows graph: ${positionals.length !== 1 ? 'expected exactly one workflow file' : `unknown format '${values.format}'`}\n\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(positionals[0], 'utf8');
  } catch (err) {
    process.stderr.write(`cloud-workflows graph: cannot read ${positionals[0]}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
    return 2;
  }
  const graph = buildGraph(parseWorkflow(text));
  const output =
    format === 'mermaid' ? toMermaid(graph) : format === 'dot' ? toDot(graph) : format === 'svg' ? `${renderSvg(layoutGraph(graph), { standalone: true })}\n` : `${JSON.stringify(graphJson(graph), null, 2)}\n`;
  process.stdout.write(output);
  return 0;
}
