import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CHILD = path.join(ROOT, 'examples', 'parent-child', 'workflow-child.yaml');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src', 'cli', 'main.ts'), 'graph', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cloud-workflows graph', function () {
  this.timeout(60_000);

  it('prints Mermaid by default', () => {
    const { code, stdout } = cli(CHILD);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        'flowchart TD',
        '  subgraph r0["main"]',
        '    n0(["start main<br/>params: args"])',
        '    n1["init<br/>iteration"]',
        '    n2["wait<br/>sys.sleep"]',
        '    n3{"check_iteration_even_or_odd"}',
        '    n4(["return_message<br/>#quot;Hello world#quot;+iteration"])',
        '    n5>"raise_error<br/>#quot;Error with iteration #quot;+iteration"]',
        '    n6(["end main"])',
        '  end',
        '  n0 --> n1',
        '  n1 --> n2',
        '  n2 --> n3',
        '  n3 -->|"iteration % 2 == 0"| n5',
        '  n3 -->|"no match"| n4',
        '  n4 --> n6',
        '  n5 -->|"raise"| n6',
        '',
      ].join('\n'),
    );
  });

  it('prints the model as JSON with step IDs routine/step', () => {
    const { code, stdout } = cli(CHILD, '--format', 'json');
    assert.equal(code, 0);
    const graph = JSON.parse(stdout) as { nodes: Record<string, unknown>[]; edges: unknown[] };
    assert.deepEqual(graph.nodes[2], { id: 'main/wait', kind: 'call', label: 'wait', routine: 'main', line: 10, detail: 'sys.sleep' });
    assert.deepEqual(graph.edges[3], { from: 'main/check_iteration_even_or_odd', to: 'main/raise_error', kind: 'condition', label: 'iteration % 2 == 0' });
    assert.equal(graph.nodes.length, 7);
  });

  it('prints DOT and a standalone SVG', () => {
    const dot = cli(CHILD, '--format', 'dot');
    assert.equal(dot.code, 0);
    assert.match(dot.stdout, /^digraph workflow \{\n/);
    assert.match(dot.stdout, /n3 -> n5 \[label="iteration % 2 == 0"\];/);
    const svg = cli(CHILD, '--format', 'svg');
    assert.equal(svg.code, 0);
    assert.match(svg.stdout, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="wf-graph"/);
    assert.match(svg.stdout, /<style>/);
    assert.match(svg.stdout, /data-id="main\/raise_error"/);
  });

  it('exits 2 with the usage on a bad format, no file or an unreadable file', () => {
    const bad = cli(CHILD, '--format', 'png');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^cloud-workflows graph: unknown format 'png'\n\nusage: cloud-workflows graph/);
    const none = cli();
    assert.equal(none.code, 2);
    assert.match(none.stderr, /expected exactly one workflow file/);
    const missing = cli(path.join(ROOT, 'no-such.yaml'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*no-such\.yaml: ENOENT/);
  });
});
