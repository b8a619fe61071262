import { deepStrictEqual } from 'assert';
import { indexWorkflow, workflowIdOfPath, WorkspaceIndex } from '../../../src/core/language/workspaceIndex';

const CHILD = ['main:', '  params: [input]', '  steps:', '    - read:', '        return: ${input.name}', ''].join('\n');
const NO_PARAMS = ['main:', '  steps:', '    - done:', '        return: 1', ''].join('\n');

describe('workspace index (core)', () => {
  it('derives the workflow ID from the file name as Deploy does', () => {
    deepStrictEqual(['/w/orders.workflows.yaml', '/w/child.yml', 'C:\\w\\billing.json', '/w/a.b.yaml'].map(workflowIdOfPath), ['orders', 'child', 'billing', 'a.b']);
  });

  it('indexes a workflow with its parameter, the keys it reads and where main is', () => {
    deepStrictEqual(indexWorkflow('file:///w/flows/child%20copy.yaml', CHILD), undefined);
    deepStrictEqual(indexWorkflow('file:///w/flows/child.yaml', CHILD), {
      id: 'child',
      uri: 'file:///w/flows/child.yaml',
      reads: { param: 'input', required: ['name'], optional: [], open: false },
      params: ['input'],
      target: { line: 0, character: 0 },
    });
  });

  it('leaves out files that are not workflows, unless named *.workflows.*', () => {
    deepStrictEqual(indexWorkflow('file:///w/config.yaml', 'name: app\nreplicas: 2\n'), undefined);
    deepStrictEqual(indexWorkflow('file:///w/readme.md', CHILD), undefined);
    deepStrictEqual(indexWorkflow('file:///w/empty.workflows.yaml', '')?.id, 'empty');
  });

  it('prefers an open document over its file, whatever the escaping of its URI', () => {
    const index = new WorkspaceIndex();
    index.setFile('file:///w/my%20flows/child.yaml', indexWorkflow('file:///w/my%20flows/child.yaml', CHILD));
    let reads = 0;
    index.setOpen('file:///w/my flows/child.yaml', () => {
      reads++;
      return NO_PARAMS;
    });
    deepStrictEqual(reads, 0);
    deepStrictEqual(index.find('child').map((w) => [w.uri, w.params]), [['file:///w/my flows/child.yaml', []]]);
    index.find('child');
    deepStrictEqual(reads, 1);
    index.closeOpen('file:///w/my flows/child.yaml');
    deepStrictEqual(index.find('child').map((w) => [w.uri, w.params]), [['file:///w/my%20flows/child.yaml', ['input']]]);
    deepStrictEqual(index.lookup()('child')?.reads?.required, ['name']);
    deepStrictEqual(index.lookup()('other'), undefined);
  });
});
