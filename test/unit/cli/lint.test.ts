import { deepStrictEqual } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/lint';
import { messageFor } from '../../../src/core/validate/messages';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('cloud-workflows lint', () => {
  let dir: string;
  const write = (relative: string, text: string) => {
    const full = path.join(dir, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    return full;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-lint-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints nothing and exits 0 for a valid workflow', async () => {
    const file = write('ok.yaml', '- hello:\n    return: ${"hi"}\n');
    deepStrictEqual(await run(file), { code: 0, out: '', err: '' });
  });

  it('prints file:line:col: severity code message and exits 1 on an error', async () => {
    const file = write('bad.yaml', '- a:\n    return: ${varC}\n- b:\n    return: 2\n');
    deepStrictEqual(await run(file), {
      code: 1,
      out:
        `${file}:2:15: error undefined-variable ${messageFor('undefined-variable', ['varC'])}\n` +
        `${file}:3:3: warning unreachable-step ${messageFor('unreachable-step', ['b'])}\n`,
      err: '',
    });
  });

  it('reports integer literals beyond int64 as errors in YAML, JSON and expressions, and accepts the bounds', async () => {
    const yaml = write('big.yaml', '- a:\n    return: [9223372036854775807, -9223372036854775808, 9223372036854775808, "${-9223372036854775808}", "${9223372036854775808}"]\n');
    const json = write('big.json', '[{"a": {"return": -9223372036854775809}}]\n');
    const message = (n: string) => `The integer ${n} does not fit in 64 bits (from -9223372036854775808 to 9223372036854775807); write it as a string or a double.`;
    const result = await run(yaml, json);
    deepStrictEqual(result, {
      code: 1,
      out:
        `${yaml}:2:57: error integer-out-of-range ${message('9223372036854775808')}\n` +
        `${yaml}:2:108: error expr-syntax Expression syntax error: integer 9223372036854775808 does not fit in 64 bits\n` +
        `${json}:1:19: error integer-out-of-range ${message('-9223372036854775809')}\n`,
      err: '',
    });
  });

  it('exits 0 when there are only warnings', async () => {
    const file = write('warn.yaml', '- a:\n    return: 1\n    next: end\n');
    deepStrictEqual(await run(file), {
      code: 0,
      out: `${file}:3:5: warning next-ignored ${messageFor('next-ignored', ['return'])}\n`,
      err: '',
    });
  });

  it('prints one JSON array with 0-based ranges and the file as given', async () => {
    write('bad.json', '[{"a": {"return": "${nope}"}}]');
    const given = path.join(dir, '.', 'bad.json');
    const result = await run('--format', 'json', given);
    deepStrictEqual(result.code, 1);
    deepStrictEqual(JSON.parse(result.out), [
      {
        file: given,
        severity: 'error',
        code: 'undefined-variable',
        message: messageFor('undefined-variable', ['nope']),
        range: { start: { line: 0, character: 21 }, end: { line: 0, character: 25 } },
      },
    ]);
    deepStrictEqual(result.err, '');
  });

  it('prints an empty JSON array for clean files', async () => {
    const file = write('ok.yml', '- a:\n    return: 1\n');
    deepStrictEqual(await run('--format=json', file), { code: 0, out: '[]\n', err: '' });
  });

  it('recurses into directories, keeps workflows only, and skips node_modules and dot-folders', async () => {
    const nested = write('flows/sub/w.yaml', '- a:\n    return: ${x}\n');
    write('flows/k8s.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n');
    write('flows/package.json', '{"name": "x", "version": "1.0.0"}\n');
    write('flows/node_modules/dep/w.yaml', '- a:\n    return: ${x}\n');
    write('flows/.github/w.yaml', '- a:\n    return: ${x}\n');
    write('flows/notes.txt', '- a:\n    return: ${x}\n');
    deepStrictEqual(await run(path.join(dir, 'flows')), {
      code: 1,
      out: `${nested}:2:15: error undefined-variable ${messageFor('undefined-variable', ['x'])}\n`,
      err: '',
    });
  });

  it('always lints a file named explicitly, even if it does not look like a workflow', async () => {
    const file = write('empty.yaml', '');
    const result = await run(file);
    deepStrictEqual(result.code, 1);
    deepStrictEqual(result.out.split(' ').slice(0, 3), [`${file}:1:1:`, 'error', 'empty-document']);
  });

  it('exits 2 with a sentence on stderr for a missing file, after linting the others', async () => {
    const file = write('bad.yaml', '- a:\n    return: ${x}\n');
    const missing = path.join(dir, 'missing.yaml');
    deepStrictEqual(await run(missing, file), {
      code: 2,
      out: `${file}:2:15: error undefined-variable ${messageFor('undefined-variable', ['x'])}\n`,
      err: `cloud-workflows lint: cannot read '${missing}': no such file or directory\n`,
    });
  });

  it('exits 2 on usage errors and 0 with the help text on --help', async () => {
    const none = await run();
    deepStrictEqual([none.code, none.out, none.err.split('\n')[0]], [2, '', 'cloud-workflows lint: name at least one file or directory to check.']);
    const format = await run('--format', 'xml', 'a.yaml');
    deepStrictEqual([format.code, format.err.split('\n')[0]], [2, "cloud-workflows lint: --format must be 'text' or 'json', not 'xml'."]);
    const unknown = await run('--fix', 'a.yaml');
    deepStrictEqual([unknown.code, unknown.err.split('\n')[0]], [2, "cloud-workflows lint: unknown option '--fix'."]);
    const help = await run('--help');
    deepStrictEqual([help.code, help.out.split('\n')[0], help.err], [0, 'usage: cloud-workflows lint [--format text|json] <file-or-dir>...', '']);
  });

  it('reads its arguments in order: the first problem or --help wins, and flag groups or values on --help are unknown options', async () => {
    const cases = [['--format'], ['--format=xml', 'a'], ['-hx'], ['--help=1'], ['--fix', '--help'], ['--help', '--fix']];
    const results = await Promise.all(cases.map(async (argv) => {
      const r = await run(...argv);
      return [r.code, (r.err || r.out).split('\n')[0]];
    }));
    deepStrictEqual(results, [
      [2, "cloud-workflows lint: --format must be 'text' or 'json'."],
      [2, "cloud-workflows lint: --format must be 'text' or 'json', not 'xml'."],
      [2, "cloud-workflows lint: unknown option '-hx'."],
      [2, "cloud-workflows lint: unknown option '--help=1'."],
      [2, "cloud-workflows lint: unknown option '--fix'."],
      [0, 'usage: cloud-workflows lint [--format text|json] <file-or-dir>...'],
    ]);
  });

  it('takes every argument after -- as a path, and --format=json in one argument', async () => {
    const file = write('-odd.yaml', '- a:\n    return: 1\n');
    const r = await run('--format=json', '--', file);
    deepStrictEqual([r.code, r.out, r.err], [0, '[]\n', '']);
  });

  it('runs through the cloud-workflows entry point with the exit code as process status', () => {
    const file = write('bad.yaml', '- a:\n    return: ${x}\n');
    const root = path.resolve(__dirname, '..', '..', '..');
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'cli', 'main.ts'), 'lint', file], { cwd: root, encoding: 'utf8' });
    deepStrictEqual([child.status, child.stdout, child.stderr], [1, `${file}:2:15: error undefined-variable ${messageFor('undefined-variable', ['x'])}\n`, '']);
  });
});
