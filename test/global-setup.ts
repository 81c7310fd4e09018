import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The end-to-end tests run the real `mlops` command, so its bundle is built once first. */
export function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], {
    cwd: fileURLToPath(new URL('../packages/cli/', import.meta.url)),
    stdio: 'inherit',
  });
}
