import * as vscode from 'vscode';
import { encodeJson } from '../../engine/json';
import { ExecutionNode } from '../tree/executionNode';
import { EffectiveResultNode } from '../tree/effectiveResultNode';
import { FILTERABLE_STATES, TIME_WINDOWS, parseFilter, windowText } from '../tree/executionsFilter';
import type { ExecutionsFilter, TimeWindow } from '../tree/executionsFilter';
import { isRunning } from '../tree/executionStyle';
import { UserError, requireTrust } from './commandErrors';
import type { RunContext } from './runContext';

/**
 * `cloudWorkflows.filterExecutions [filter]`: which states and how far back the view lists;
 * asks with two quick picks, or takes `{states, window}` from a programmatic call. Returns the
 * filter applied.
 */
export async function filterExecutions(ctx: RunContext, arg: unknown): Promise<ExecutionsFilter | undefined> {
  const given = parseFilter(arg);
  if (given) {
    ctx.tree.setFilter(given);
    return given;
  }
  const current = ctx.tree.executionsFilter;
  const states = await vscode.window.showQuickPick(
    FILTERABLE_STATES.map((state) => ({ label: state, picked: current.states.includes(state) })),
    { title: 'Show executions in these states (none: all)', canPickMany: true },
  );
  if (!states) return undefined;
  const windows: { label: string; window: TimeWindow | undefined }[] = [
    { label: 'Any time', window: undefined },
    ...TIME_WINDOWS.map((window) => ({ label: `Created in the ${windowText(window)}`, window })),
  ];
  const window = await vscode.window.showQuickPick(windows, { title: 'Show executions created' });
  if (!window) return undefined;
  const filter: ExecutionsFilter = { states: states.map((s) => s.label as ExecutionsFilter['states'][number]), window: window.window };
  ctx.tree.setFilter(filter);
  return filter;
}

/** `cloudWorkflows.clearExecutionsFilter`: lists every execution again. */
export function clearExecutionsFilter(ctx: RunContext): void {
  ctx.tree.setFilter({ states: [] });
}

/**
 * `cloudWorkflows.deleteExecution` (local emulator only), after a modal confirmation unless
 * `{confirm: false}`: deletes an ended execution and its step history. Returns its name.
 */
export async function deleteExecution(ctx: RunContext, arg: unknown, raw: unknown): Promise<string | undefined> {
  requireTrust('Deleting executions');
  if (!(arg instanceof ExecutionNode)) throw new UserError('Choose an execution in the Executions view first.');
  const e = arg.info;
  if (ctx.target.info.kind !== 'emulator') throw new UserError('Only executions on the local emulator can be deleted.', 'Google Cloud keeps executions for its retention period.');
  if (isRunning(e)) throw new UserError(`${e.executionId} is still running.`, 'Cancel it first, then delete it.');
  const skip = typeof raw === 'object' && raw !== null && (raw as { confirm?: unknown }).confirm === false;
  if (!skip) {
    const choice = await vscode.window.showWarningMessage(
      `Delete the execution ${e.executionId} of ${e.workflowId}?`,
      { modal: true, detail: 'Its result and step history go with it. This cannot be undone.' },
      'Delete',
    );
    if (choice !== 'Delete') return undefined;
  }
  await ctx.tree.source.call((c) => c.deleteExecution(e.name));
  ctx.log.info(`deleted ${e.name}`);
  ctx.tree.executionDeleted(arg);
  return e.name;
}

/** `cloudWorkflows.copyEffectiveResult`: the effective result's JSON, to the clipboard. */
export async function copyEffectiveResult(arg: unknown): Promise<string> {
  if (!(arg instanceof EffectiveResultNode)) throw new UserError('Choose the effective result of a parent execution first.');
  const text = `${encodeJson(arg.effective.value, true)}\n`;
  await vscode.env.clipboard.writeText(text);
  return text;
}
