import { deepStrictEqual } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The layering STYLE.md asks for, checked on every run instead of hoped for: the core is pure,
 * the engine knows nothing of the emulator or the editor, only the glue imports `vscode`, the
 * Google client stays out of the extension bundle, and nothing evaluates strings as code.
 */
const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

interface Import {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const FILES = sourceFiles(SRC).map((full) => ({ file: path.relative(SRC, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') }));

const IMPORTS: Import[] = FILES.flatMap(({ file, text }) => {
  const found: Import[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|require\('([^']+)'\)|import\('([^']+)'\)/gm;
  for (const m of text.matchAll(pattern)) {
    const specifier = m[3] ?? m[4] ?? m[5];
    const typeOnly = Boolean(m[2]) || (m[5] !== undefined && /typeof\s+import\(/.test(text.slice(Math.max(0, (m.index ?? 0) - 7), m.index ?? 0) + m[0]));
    found.push({ file, specifier, typeOnly });
  }
  return found;
});

/** The top folder (or file) under src/ that a relative import lands in. */
function layerOf(file: string, specifier: string): string {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return target.split('/')[0];
}

function violations(predicate: (i: Import) => boolean): string[] {
  return IMPORTS.filter(predicate).map((i) => `${i.file} -> ${i.specifier}`);
}

describe('architecture', () => {
  it('reads the whole source tree', () => {
    deepStrictEqual(FILES.length > 100 && IMPORTS.length > 300, true);
  });

  it("imports 'vscode' only from the glue (src/vscode and src/extension.ts)", () => {
    deepStrictEqual(
      violations((i) => i.specifier === 'vscode' && !i.file.startsWith('vscode/') && i.file !== 'extension.ts'),
      [],
    );
  });

  it('keeps the core pure: no engine, emulator, cloud, CLI, editor or Node I/O imports', () => {
    deepStrictEqual(
      violations(
        (i) =>
          i.file.startsWith('core/') &&
          (i.specifier.startsWith('.') ? layerOf(i.file, i.specifier) !== 'core' : i.specifier !== 'yaml'),
      ),
      [],
    );
  });

  it('keeps the engine free of the emulator, the cloud layer, the CLI and the editor', () => {
    deepStrictEqual(
      violations(
        (i) => i.file.startsWith('engine/') && i.specifier.startsWith('.') && !['engine', 'core'].includes(layerOf(i.file, i.specifier)),
      ),
      [],
    );
  });

  it('keeps the test runner (src/testing) free of the cloud layer, the CLI and the editor', () => {
    deepStrictEqual(
      violations((i) => i.file.startsWith('testing/') && i.specifier.startsWith('.') && !['testing', 'engine', 'core', 'emulator'].includes(layerOf(i.file, i.specifier))),
      [],
    );
  });

  it('loads the Google client only in the cloud layer, and the editor glue only as types', () => {
    deepStrictEqual(
      violations((i) => /^(@google-cloud\/|google-gax|google-auth-library)/.test(i.specifier) && !i.file.startsWith('cloud/')),
      [],
    );
    deepStrictEqual(
      violations((i) => (i.file.startsWith('vscode/') || i.file === 'extension.ts') && i.specifier.startsWith('.') && layerOf(i.file, i.specifier) === 'cloud' && !i.typeOnly),
      [],
    );
  });

  it('keeps the language server free of vscode: it reads only the core', () => {
    const importsVscode = new Map<string, boolean>();
    const reaches = (file: string, seen: Set<string>): boolean => {
      if (importsVscode.has(file)) return importsVscode.get(file) as boolean;
      if (seen.has(file)) return false;
      seen.add(file);
      const found = IMPORTS.filter((i) => i.file === file && !i.typeOnly).some((i) => {
        if (i.specifier === 'vscode') return true;
        if (!i.specifier.startsWith('.')) return false;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), i.specifier));
        return FILES.some((f) => f.file === `${target}.ts`) ? reaches(`${target}.ts`, seen) : FILES.some((f) => f.file === `${target}/index.ts`) && reaches(`${target}/index.ts`, seen);
      });
      importsVscode.set(file, found);
      return found;
    };
    const server = FILES.filter((f) => f.file.startsWith('lsp/') || f.file === 'cli/lsp.ts').map((f) => f.file);
    deepStrictEqual(server.length > 5, true);
    deepStrictEqual(server.filter((file) => reaches(file, new Set())), []);
    deepStrictEqual(
      violations((i) => i.file.startsWith('lsp/') && i.specifier.startsWith('.') && !['lsp', 'core'].includes(layerOf(i.file, i.specifier))),
      [],
    );
  });

  it('keeps vscode-languageclient out of the extension bundle: only languageClient.ts (bundled alone) imports it, and the rest only as types', () => {
    deepStrictEqual(
      violations((i) => i.specifier.startsWith('vscode-languageclient') && i.file !== 'vscode/editing/languageClient.ts'),
      [],
    );
    deepStrictEqual(
      violations((i) => i.specifier.endsWith('/languageClient') && !i.typeOnly),
      [],
    );
  });

  it('keeps the debug adapter out of the extension bundle: the glue starts it as `cloud-workflows dap`', () => {
    deepStrictEqual(
      violations((i) => (i.file.startsWith('vscode/') || i.file === 'extension.ts') && i.specifier.startsWith('.') && layerOf(i.file, i.specifier) === 'dap'),
      [],
    );
    deepStrictEqual(
      violations((i) => i.file.startsWith('dap/') && i.specifier.startsWith('.') && ['vscode', 'cli', 'cloud'].includes(layerOf(i.file, i.specifier))),
      [],
    );
  });

  it('never evaluates strings as code', () => {
    const hits = FILES.filter(({ text }) => /\beval\s*\(|new\s+Function\s*\(|from\s+'(node:)?vm'|require\('(node:)?vm'\)/.test(text)).map((f) => f.file);
    deepStrictEqual(hits, []);
  });
});
