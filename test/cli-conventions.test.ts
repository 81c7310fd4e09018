import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editFile, projectRoot } from './helpers/template-repo';

/**
 * A checkout as `npm ci` leaves it: node_modules and the packages' sources, no packages/cli/dist.
 * The CLI package is copied (so its dist and src are this test's own); the other packages and
 * node_modules are links to this repository's.
 */
function freshInstall(): string {
  const root = mkdtempSync(join(tmpdir(), 'mlops-install-'));
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  mkdirSync(join(root, 'packages'));
  for (const name of readdirSync(join(projectRoot, 'packages'))) {
    const from = join(projectRoot, 'packages', name);
    if (name !== 'cli') symlinkSync(from, join(root, 'packages', name));
  }
  const cli = join(root, 'packages/cli');
  for (const path of ['bin', 'src', 'bundle.mjs', 'build.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(projectRoot, 'packages/cli', path), join(cli, path), { recursive: true });
  }
  return root;
}

function mlopsIn(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'packages/cli/bin/mlops.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MLOPS_BACKEND: 'cpu' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm ci is enough to run mlops, and a stale build never runs', () => {
  it('builds the CLI on first use, saying so in one line, and not again while the sources are unchanged', () => {
    const root = freshInstall();
    expect(existsSync(join(root, 'packages/cli/dist'))).toBe(false);
    const first = mlopsIn(root, '--help');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('mlops: building the CLI (first run)\n');
    expect(first.stdout).toContain('Usage: mlops <command> [options]');
    const second = mlopsIn(root, '--help');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
  });

  it('rebuilds the CLI when a source it bundles changed, and runs the new code', () => {
    const root = freshInstall();
    expect(mlopsIn(root, '--help').code).toBe(0);
    editFile(join(root, 'packages/cli/src/main.ts'), (text) =>
      text.replace(
        "'Usage: mlops <command> [options]'",
        "'Usage: mlops <command> [options] (edited)'",
      ),
    );
    const run = mlopsIn(root, '--help');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('mlops: building the CLI (sources changed)\n');
    expect(run.stdout).toContain('Usage: mlops <command> [options] (edited)');
  });
});
