/**
 * `cloud-workflows`: the command line over the same engine the extension uses.
 * Each subcommand lives in its own module and returns its exit code.
 */
const USAGE = `usage: cloud-workflows <command> [options]

commands:
  lint      check workflow files for errors        (cloud-workflows lint --help)
  run       run a workflow on the local emulator   (cloud-workflows run --help)
  emulator  serve the Workflows REST API locally   (cloud-workflows emulator --help)
  graph     print a workflow's graph               (cloud-workflows graph --help)
  dap       debug adapter on stdin/stdout (DAP)    (cloud-workflows dap --help)
  test      run workflow tests with mocks          (cloud-workflows test --help)
  lsp       serve the language server to an editor (cloud-workflows lsp --help)
`;

import { installConnectorData } from '../engine/connectors/dataFiles';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Command> = {
  lint: () => require('./lint').main,
  run: () => require('./run').main,
  emulator: () => require('./emulator').main,
  graph: () => require('./graph').main,
  dap: () => require('./dap').main,
  test: () => require('./test').main,
  lsp: () => require('./lsp').main,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  installConnectorData();
  if (!load) {
    process.stderr.write(`cloud-workflows: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  return load()(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Reaching here is a bug in the tool, not a user mistake: say so plainly.
    process.stderr.write(`cloud-workflows: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
