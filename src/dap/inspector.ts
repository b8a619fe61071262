/**
 * What the client sees of a stopped execution: stack frames, scopes ("Locals" and, in a parallel
 * branch, "Shared"), variables with expandable maps and lists, evaluation and assignment. Frame and
 * variable references live until the execution resumes, as DAP expects.
 */
import { Handles } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugFrame } from '../engine/debug/hook';
import { typeOf, type Value } from '../engine/value';
import type { ThreadInfo } from './controller';
import { formatValue, memberExpression } from './format';

type Ref =
  | { kind: 'scope'; frame: DebugFrame; scope: 'locals' | 'shared' }
  | { kind: 'value'; frame: DebugFrame; value: Value; expression: string };

/** Thrown for a request the client should show as an error message. */
export class InspectError extends Error {}

/** Strips a `${…}` wrapper: hovering or copying from a workflow file often includes it. */
export function bareExpression(text: string): string {
  const t = text.trim();
  const m = /^\$\{([\s\S]*)\}$/.exec(t);
  return m ? m[1].trim() : t;
}

export class Inspector {
  private frames = new Handles<{ thread: ThreadInfo; frame: DebugFrame }>();
  private refs = new Handles<Ref>();

  /** Forgets every frame and variable reference (on resume). */
  reset(): void {
    this.frames.reset();
    this.refs.reset();
  }

  /** The frames of a thread, innermost first; `source` maps a workflow ID to its file. */
  stack(thread: ThreadInfo, source: (workflowId: string) => DebugProtocol.Source | undefined, toClientLine: (line: number) => number, toClientColumn: (c: number) => number): DebugProtocol.StackFrame[] {
    const point = thread.point;
    if (!point) return [];
    return point.frames().map((frame) => ({
      id: this.frames.create({ thread, frame }),
      name: frame.routine === frame.step ? frame.routine : `${frame.routine} › ${frame.step}`,
      source: source(thread.view.env.workflowId),
      line: toClientLine(frame.line),
      column: toClientColumn(frame.character),
    }));
  }

  scopes(frameId: number): DebugProtocol.Scope[] {
    const frame = this.frameOf(frameId);
    const scopes: DebugProtocol.Scope[] = [{ name: 'Locals', presentationHint: 'locals', variablesReference: this.refs.create({ kind: 'scope', frame, scope: 'locals' }), expensive: false }];
    if (frame.sharedNames().length > 0) scopes.push({ name: 'Shared', variablesReference: this.refs.create({ kind: 'scope', frame, scope: 'shared' }), expensive: false });
    return scopes;
  }

  variables(reference: number): DebugProtocol.Variable[] {
    const ref = this.refs.get(reference);
    if (!ref) throw new InspectError('These variables are no longer available: the workflow has moved on.');
    if (ref.kind === 'scope') {
      const shared = new Set(ref.frame.sharedNames());
      const out: DebugProtocol.Variable[] = [];
      for (const [name, value] of ref.frame.variables()) {
        if (shared.has(name) === (ref.scope === 'shared')) out.push(this.variable(ref.frame, name, value, name));
      }
      return out;
    }
    const { value, expression, frame } = ref;
    if (Array.isArray(value)) return value.map((item, i) => this.variable(frame, String(i), item, memberExpression(expression, i)));
    if (value instanceof Map) return [...value].map(([k, v]) => this.variable(frame, k, v, memberExpression(expression, k)));
    return [];
  }

  async evaluate(frameId: number | undefined, expression: string): Promise<DebugProtocol.EvaluateResponse['body']> {
    if (frameId === undefined) throw new InspectError('Evaluating needs a stopped step: pause the workflow or stop at a breakpoint first.');
    const frame = this.frameOf(frameId);
    const text = bareExpression(expression);
    const value = await frame.evaluate(text);
    return this.result(frame, value, text);
  }

  /** Sets a variable (or a map entry / list item) to the value of a workflow expression. */
  async setVariable(reference: number, name: string, expression: string): Promise<DebugProtocol.SetVariableResponse['body']> {
    const ref = this.refs.get(reference);
    if (!ref) throw new InspectError('This variable is no longer available: the workflow has moved on.');
    let target: string;
    if (ref.kind === 'scope') target = name;
    else if (Array.isArray(ref.value)) target = memberExpression(ref.expression, Number(name));
    else target = memberExpression(ref.expression, name);
    const value = await ref.frame.assign(target, bareExpression(expression));
    const { result, type, variablesReference } = this.result(ref.frame, value, target);
    return { value: result, type, variablesReference };
  }

  private result(frame: DebugFrame, value: Value, expression: string): { result: string; type: string; variablesReference: number } {
    return { result: formatValue(value), type: typeOf(value), variablesReference: this.childrenRef(frame, value, expression) };
  }

  private variable(frame: DebugFrame, name: string, value: Value, expression: string): DebugProtocol.Variable {
    const variable: DebugProtocol.Variable = { name, value: formatValue(value), type: typeOf(value), variablesReference: this.childrenRef(frame, value, expression), evaluateName: expression };
    if (Array.isArray(value)) variable.indexedVariables = value.length;
    else if (value instanceof Map) variable.namedVariables = value.size;
    return variable;
  }

  private childrenRef(frame: DebugFrame, value: Value, expression: string): number {
    const expandable = (Array.isArray(value) && value.length > 0) || (value instanceof Map && value.size > 0);
    return expandable ? this.refs.create({ kind: 'value', frame, value, expression }) : 0;
  }

  private frameOf(frameId: number): DebugFrame {
    const entry = this.frames.get(frameId);
    if (!entry) throw new InspectError('This stack frame is no longer available: the workflow has moved on.');
    return entry.frame;
  }
}
