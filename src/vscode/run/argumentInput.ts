import * as vscode from 'vscode';

/** Why `text` is not a usable argument, or undefined when it is JSON (or empty). */
export function argumentProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    return `Not JSON: ${err instanceof Error ? err.message : String(err)}`;
  }
}

let lastTitle: string | undefined;

/**
 * Shows an input box for the run commands and remembers its title, so the integration tests can
 * tell which question is open (the extension API has no way to read the workbench's quick input).
 */
export function askInput(options: vscode.InputBoxOptions): Thenable<string | undefined> {
  lastTitle = options.title;
  return vscode.window.showInputBox(options);
}

/** The title of the last input box `askInput` showed. */
export function lastInputTitle(): string | undefined {
  return lastTitle;
}

/**
 * Asks for the execution argument as JSON, remembered per workflow in workspace state. Returns
 * `''` for no argument, undefined when the user cancels.
 */
export async function askArgument(state: vscode.Memento, workflowId: string): Promise<string | undefined> {
  const key = `argument:${workflowId}`;
  const text = await askInput({
    title: `Run ${workflowId}`,
    prompt: 'Argument as JSON (e.g. {"name": "Ada"}); empty for none',
    value: state.get<string>(key, ''),
    ignoreFocusOut: true,
    validateInput: argumentProblem,
  });
  if (text === undefined) return undefined;
  await state.update(key, text.trim());
  return text.trim();
}
