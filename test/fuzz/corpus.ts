/**
 * The shared corpus of real workflows, read at run time from `<repo>/../shared/corpus/valid`
 * (never copied into the repository).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

let cached: { file: string; text: string }[] | undefined;

/** Every YAML and JSON workflow of the valid corpus, sorted by file name. */
export function corpusWorkflows(): { file: string; text: string }[] {
  if (!cached) {
    const dir = path.join(CORPUS_DIR, 'valid');
    cached = fs
      .readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort()
      .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
    if (cached.length === 0) throw new Error(`no corpus workflows in ${dir}`);
  }
  return cached;
}
