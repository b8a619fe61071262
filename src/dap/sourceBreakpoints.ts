/**
 * Answers a `setBreakpoints` request: maps each requested line to the step it stops before,
 * checks conditions (workflow expressions, no `${}`), hit counts and log messages, and reports
 * each breakpoint verified at its line or unverified with the reason.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { formatSyntaxError } from '../core/expr/errors';
import { parseExpression } from '../core/expr/parser';
import { parseHitCondition, parseLogMessage, type SourceBreakpoint } from './breakpoints';
import type { DeployedWorkflow } from './deployment';
import { bareExpression } from './inspector';

let nextId = 1;

export interface LineConversion {
  toDebugger(line: number): number;
  toClient(line: number): number;
  launched: boolean;
}

function checkExpression(text: string, what: string): string | undefined {
  const parsed = parseExpression(text);
  return parsed.ok ? undefined : `Invalid ${what} \`${text}\`: ${formatSyntaxError(text, parsed.error)}`;
}

export function resolveBreakpoints(
  workflow: DeployedWorkflow | undefined,
  requested: DebugProtocol.SourceBreakpoint[],
  lines: LineConversion,
): { breakpoints: DebugProtocol.Breakpoint[]; verified: SourceBreakpoint[] } {
  const breakpoints: DebugProtocol.Breakpoint[] = [];
  const verified: SourceBreakpoint[] = [];
  for (const req of requested) {
    const id = nextId++;
    const unverified = (message: string): void => void breakpoints.push({ id, verified: false, line: req.line, message });
    if (!workflow) {
      unverified(lines.launched ? 'This file is not part of the debug session: add it (or its folder) to "workflows".' : 'The debug session has not launched a workflow yet.');
      continue;
    }
    const at = workflow.steps.resolve(lines.toDebugger(req.line));
    if (!at) {
      unverified('No step at or after this line.');
      continue;
    }
    const bp: SourceBreakpoint = { id, offset: at.offset, line: lines.toClient(at.line), hits: 0 };
    if (req.condition !== undefined && req.condition.trim() !== '') {
      bp.condition = bareExpression(req.condition);
      const problem = checkExpression(bp.condition, 'condition');
      if (problem) {
        unverified(problem);
        continue;
      }
    }
    if (req.hitCondition !== undefined && req.hitCondition.trim() !== '') {
      const hit = parseHitCondition(req.hitCondition);
      if (typeof hit === 'string') {
        unverified(hit);
        continue;
      }
      bp.hitCondition = hit;
    }
    if (req.logMessage !== undefined) {
      const parts = parseLogMessage(req.logMessage);
      const problem = typeof parts === 'string' ? parts : parts.map((p) => ('expression' in p ? checkExpression(p.expression, 'log expression') : undefined)).find((m) => m);
      if (typeof parts === 'string' || problem) {
        unverified(typeof parts === 'string' ? parts : (problem as string));
        continue;
      }
      bp.logMessage = parts;
    }
    verified.push(bp);
    breakpoints.push({ id, verified: true, line: bp.line, source: undefined });
  }
  return { breakpoints, verified };
}
