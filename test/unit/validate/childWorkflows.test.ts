import { deepStrictEqual } from 'assert';
import { LineIndex } from '../../../src/core/location';
import { parseWorkflow } from '../../../src/core/model/parse';
import { crossWorkflowDiagnostics, parameterReads, workflowReferences, type ParameterReads } from '../../../src/core/validate/childWorkflows';
import { messageFor } from '../../../src/core/validate/messages';
import { doc } from './helpers';

const RUN = 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run';
const CREATE = 'googleapis.workflowexecutions.v1.projects.locations.workflows.executions.create';

function range(text: string, span: { start: number; end: number }): string {
  const index = new LineIndex(text);
  const a = index.positionAt(span.start);
  const b = index.positionAt(span.end);
  return `${a.line}:${a.character}-${b.line}:${b.character}`;
}

describe('child workflows: references', () => {
  it('finds workflow_id, the workflow in a create parent (also in an expression and an inline try), and in a get name', () => {
    const text = doc(
      'main:',
      '  steps:',
      '    - run:',
      `        call: ${RUN}`,
      '        args:',
      '          workflow_id: "child-a"',
      '          argument: {batch: 1}',
      '    - start:',
      '        try:',
      `          call: ${CREATE}`,
      '          args:',
      '            parent: ${"projects/" + sys.get_env("GOOGLE_CLOUD_PROJECT_ID") + "/locations/us-central1/workflows/child-b"}',
      '            body:',
      '              argument: ${json.encode_to_string({"x": 1})}',
      '        except:',
      '          as: e',
      '          steps:',
      '            - r:',
      '                raise: ${e}',
      '    - get:',
      '        call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.get',
      '        args:',
      '          name: projects/p/locations/l/workflows/child-c/executions/123',
      '    - dynamic:',
      `        call: ${RUN}`,
      '        args:',
      '          workflow_id: ${name}',
    );
    const workflow = parseWorkflow(text);
    deepStrictEqual(
      workflowReferences(workflow).map((r) => [r.id, range(text, r.span), r.starts, r.argument ? text.slice(r.argument.span.start, r.argument.span.end) : undefined]),
      [
        ['child-a', '5:24-5:31', true, '{batch: 1}'],
        ['child-b', '11:111-11:118', true, '${json.encode_to_string({"x": 1})}'],
        ['child-c', '22:49-22:56', false, undefined],
      ],
    );
  });
});

describe('child workflows: parameter reads', () => {
  it('tells required reads from optional ones', () => {
    const text = doc(
      'main:',
      '  params: [args]',
      '  steps:',
      '    - init:',
      '        assign:',
      '          - iteration: ${args.iteration}',
      '          - size: ${args["batch size"]}',
      '          - mode: ${default(map.get(args, "mode"), "fast")}',
      '          - dry: ${"dry_run" in args}',
      '          - again: ${args.mode}',
      '    - done:',
      '        return: ${iteration}',
    );
    deepStrictEqual(parameterReads(parseWorkflow(text)), { param: 'args', required: ['batch size', 'iteration', 'mode'], optional: ['dry_run'], open: false });
  });

  it('marks a parameter passed on whole or indexed by a computed key as open, and ignores subworkflows', () => {
    const open = doc('main:', '  params: [input]', '  steps:', '    - a:', '        call: helper', '        args:', '          x: ${input}', 'helper:', '  params: [x]', '  steps:', '    - r:', '        return: ${x.k}');
    deepStrictEqual(parameterReads(parseWorkflow(open)), { param: 'input', required: [], optional: [], open: true });
    deepStrictEqual(parameterReads(parseWorkflow(doc('main:', '  steps:', '    - r:', '        return: 1'))), undefined);
  });
});

describe('child workflows: argument checks', () => {
  const child: ParameterReads = { param: 'args', required: ['iteration'], optional: ['mode'], open: false };
  const lookup = (id: string) => (id === 'child' ? { reads: child } : id === 'plain' ? { reads: undefined } : undefined);
  const found = (text: string) =>
    crossWorkflowDiagnostics(parseWorkflow(text), lookup).map((d) => ({ code: d.code, severity: d.severity, range: range(text, d.span), message: d.message }));

  it('warns on an argument without a key the child requires, listing the keys the child reads', () => {
    const text = doc('- run:', `    call: ${RUN}`, '    args:', '      workflow_id: child', '      argument:', '        batch: 1', '        parent_execution_id: x');
    deepStrictEqual(found(text), [
      { code: 'child-argument-keys', severity: 'warning', range: '5:8-6:30', message: messageFor('child-argument-keys', ['child', 'args', "'iteration'", "'iteration' and 'mode'"]) },
    ]);
  });

  it('warns on the ID when no argument is passed, and about an ID no workflow file has', () => {
    const text = doc('- run:', `    call: ${RUN}`, '    args:', '      workflow_id: child', '- other:', `    call: ${RUN}`, '    args:', '      workflow_id: chld');
    deepStrictEqual(found(text), [
      { code: 'child-argument-keys', severity: 'warning', range: '3:19-3:24', message: "'child' reads 'iteration' from 'args', which this argument does not pass. It reads: 'iteration' and 'mode'." },
      { code: 'unknown-workflow-id', severity: 'warning', range: '7:19-7:23', message: messageFor('unknown-workflow-id', ['chld']) },
    ]);
  });

  it('accepts an argument with the required keys, an argument given as an expression, and a child without params', () => {
    const text = doc(
      '- a:',
      `    call: ${RUN}`,
      '    args:',
      '      workflow_id: child',
      '      argument: {iteration: 1, extra: 2}',
      '- b:',
      `    call: ${RUN}`,
      '    args:',
      '      workflow_id: child',
      '      argument: ${computed}',
      '- c:',
      `    call: ${RUN}`,
      '    args:',
      '      workflow_id: plain',
    );
    deepStrictEqual(found(text), []);
  });
});
