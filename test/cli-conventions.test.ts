import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import { cloneTemplate, editFile, projectRoot } from './helpers/template-repo';

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

describe('mlops follows the conventions of the command-line tools people know', () => {
  it('prints its version (the CLI package version) and the Node.js version with --version', async () => {
    const { version } = JSON.parse(
      readFileSync(join(projectRoot, 'packages/cli/package.json'), 'utf8'),
    ) as { version: string };
    const run = await runCli(['--version'], { cwd: tmpdir() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`mlops ${version} (node ${process.versions.node})\n`);
    const json = await runCli(['--version', '--json'], { cwd: tmpdir() });
    expect(JSON.parse(json.stdout)).toEqual({ mlops: version, node: process.versions.node });
  });

  it('takes the global options before the command as well as after it', async () => {
    const root = cloneTemplate();
    const after = await runCli(['registry', 'list', '--json', '--root', root], { cwd: tmpdir() });
    expect(after.code, after.stderr).toBe(0);
    const before = await runCli(['--json', '--root', root, 'registry', 'list'], { cwd: tmpdir() });
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(JSON.parse(before.stdout)).toEqual({
      'house-prices': { production: null, versions: [] },
    });
    const quiet = await runCli(['-q', '--root', root, 'data', 'status'], { cwd: tmpdir() });
    expect(quiet.code, quiet.stderr).toBe(0);
  });

  it("explains a command's own options with their defaults in its --help", async () => {
    const serve = await runCli(['serve', '--help'], { cwd: tmpdir() });
    expect(serve.code).toBe(0);
    expect(serve.stdout).toMatch(
      /--port <n> +the port to listen on; 0 picks a free one \(default: 8080\)/,
    );
    expect(serve.stdout).toMatch(/--on-invalid warn\|reject .*\(default: warn\)/);
    const pipeline = await runCli(['pipeline', '--help'], { cwd: tmpdir() });
    expect(pipeline.stdout).toMatch(/--no-promote +evaluate and report, register nothing/);
    expect(pipeline.stdout).toContain('Global options:');
  });

  it('lists the commands of a group named alone (exit 0), and answers an unknown data or registry command with exit 2', async () => {
    for (const [group, members] of [
      ['data', ['data pull', 'data push', 'data add', 'data status', 'data generate-example']],
      ['registry', ['registry list', 'registry show', 'registry rollback']],
      ['drift', ['drift compare', 'drift generate-window']],
    ] as const) {
      const run = await runCli([group], { cwd: tmpdir() });
      expect(run.code, run.stderr).toBe(0);
      for (const name of members) expect(run.stdout).toContain(`mlops ${name} `);
      if (group === 'drift') continue; // `mlops drift <model>`: any other word is a model name
      const wrong = await runCli([group, 'bogus'], { cwd: tmpdir() });
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain(`mlops: unknown command "${group} bogus"`);
      expect(wrong.stderr).toContain(`mlops ${members[0]} `);
    }
  });
});
