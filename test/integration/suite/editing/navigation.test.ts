import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, at, openScratch, rangeText, removeScratch } from './helpers';

const WORKFLOW = `main:
  params: [args]
  steps:
    - init:
        assign:
          - names: \${text.split(args.names, ",")}
    - greet_all:
        for:
          value: name
          in: \${names}
          steps:
            - greet:
                call: greet
                args:
                  first_name: \${name}
    - check:
        switch:
          - condition: \${len(names) > 3}
            next: too_many
    - done:
        return: \${greeting(names[0])}
    - too_many:
        raise: "too many names"
greet:
  params: [first_name, greeting: "Hello"]
  steps:
    - log:
        call: sys.log
        args:
          text: \${greeting + " " + first_name}
greeting:
  params: [n]
  steps:
    - build:
        return: \${"Hi " + n}
retrying:
  steps:
    - get:
        try:
          call: http.get
          args:
            url: https://example.com
        retry: \${http.default_retry}
`;

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

async function definitionOf(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
  return found.map((l) => ('targetUri' in l ? rangeText(l.targetSelectionRange ?? l.targetRange) : rangeText(l.range)));
}

suite('Editing: hover, definitions, outline and code lenses', () => {
  let document: vscode.TextDocument;

  suiteSetup(async function () {
    await activateExtension.call(this);
    document = await openScratch('navigation.workflows.yaml', WORKFLOW);
  });
  suiteTeardown(removeScratch);

  test('hover on a stdlib function shows its signature and documentation', async () => {
    const text = await hoverText(document, at(document, 'text.split', 6));
    assert.ok(text.includes('`text.split(source, separator) → list<string>`'), text);
    assert.ok(text.includes('Splits a string at every occurrence of a separator, keeping empty parts.'), text);
  });

  test('hover on a subworkflow call shows its parameters with defaults', async () => {
    const text = await hoverText(document, at(document, 'call: greet', 7));
    assert.ok(text.includes('`greet(first_name, greeting = "Hello")`'), text);
  });

  test('hover on a variable says where it is first assigned', async () => {
    const text = await hoverText(document, at(document, '${names}', 3));
    assert.ok(text.includes('`names`') && text.includes('first assigned on line 6'), text);
  });

  test('hover on a retry policy shows its documentation', async () => {
    const text = await hoverText(document, at(document, 'default_retry', 2));
    assert.ok(text.includes('`http.default_retry`') && text.includes('Retries HTTP 429'), text);
  });

  test('hover on a next target names the step and its line', async () => {
    assert.strictEqual(await hoverText(document, at(document, 'next: too_many', 8)), 'Step `too_many`, line 22.');
  });

  test('go to definition follows a next target to its step', async () => {
    assert.deepStrictEqual(await definitionOf(document, at(document, 'next: too_many', 8)), ['21:6-21:14']);
  });

  test('go to definition follows subworkflow calls in call steps and expressions', async () => {
    assert.deepStrictEqual(await definitionOf(document, at(document, 'call: greet', 8)), ['23:0-23:5']);
    assert.deepStrictEqual(await definitionOf(document, at(document, 'greeting(names', 2)), ['30:0-30:8']);
  });

  test('go to definition takes a variable to its first assignment', async () => {
    assert.deepStrictEqual(await definitionOf(document, at(document, '${names}', 3)), ['5:12-5:17']);
    assert.deepStrictEqual(await definitionOf(document, at(document, '${name}', 3)), ['8:17-8:21']);
  });

  test('the outline lists routines, then their steps, nested', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const shape = (s: vscode.DocumentSymbol): unknown => (s.children.length ? { [s.name]: s.children.map(shape) } : s.name);
    assert.deepStrictEqual(symbols.map(shape), [
      { main: ['init', { greet_all: ['greet'] }, 'check', 'done', 'too_many'] },
      { greet: ['log'] },
      { greeting: ['build'] },
      { retrying: ['get'] },
    ]);
  });

  test('code lenses offer Run, Debug, Deploy and Graph above main with the document URI', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepStrictEqual(
      lenses.map((l) => [rangeText(l.range), l.command?.title, l.command?.command, l.command?.arguments?.[0] instanceof vscode.Uri ? l.command.arguments[0].toString() : 'not a Uri']),
      [
        ['0:0-0:0', 'Run', 'cloudWorkflows.runWorkflow', document.uri.toString()],
        ['0:0-0:0', 'Debug', 'cloudWorkflows.debugWorkflow', document.uri.toString()],
        ['0:0-0:0', 'Deploy', 'cloudWorkflows.deployWorkflow', document.uri.toString()],
        ['0:0-0:0', 'Graph', 'cloudWorkflows.showGraph', document.uri.toString()],
      ],
    );
  });
});
