import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

/**
 * Ensure `<dir>/.gitignore` has the line `/<name>` (as `dvc add` writes it). Creates the file
 * when absent; returns true when a line was added.
 */
export async function ensureGitignored(dir: string, name: string): Promise<boolean> {
  const file = join(dir, '.gitignore');
  const entry = `/${name}`;
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (lines.includes(entry)) return false;
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  await writeFileAtomic(file, `${text}${separator}${entry}\n`);
  return true;
}
