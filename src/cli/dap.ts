/**
 * `cloud-workflows dap`: a Debug Adapter Protocol server on stdin/stdout, the way editors start
 * debug adapters (VS Code's `cloud-workflows` debugger type, nvim-dap, Emacs dap-mode, …).
 * Nothing else may write to stdout: it carries the protocol.
 */
import { WorkflowDebugSession } from '../dap/session';

const USAGE = `usage: cloud-workflows dap

Speaks the Debug Adapter Protocol on stdin/stdout: point your editor's DAP client at
"cloud-workflows dap" and launch with {"program": "<workflow file>", "argument": {...}}.
Launch attributes: program, argument, stopOnEntry, workflows, env, clock (virtual|real).
`;

export function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return Promise.resolve(0);
  }
  if (argv.length > 0) {
    process.stderr.write(`cloud-workflows dap: unexpected argument '${argv[0]}'\n\n${USAGE}`);
    return Promise.resolve(2);
  }
  const session = new WorkflowDebugSession();
  session.setRunAsServer(false);
  session.start(process.stdin, process.stdout);
  // The session ends the process itself after `disconnect` (or when stdin closes).
  return new Promise<number>(() => undefined);
}
