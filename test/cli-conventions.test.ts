import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import {
  cloneTemplate,
  DVC_INTERNALS,
  editFile,
  projectRoot,
  snapshotTree,
} from './helpers/template-repo';

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

/** No line of a stack trace (`    at fn (file:line:col)`) in a command's output. */
const STACK_LINE = /^\s+at .+/m;

describe("a user's mistake is an answer, not a crash: no stack trace, no exit 70", () => {
  let published: string;
  beforeAll(async () => {
    published = cloneTemplate({ epochs: 2 });
    const run = await runCli(['pipeline', '-q'], { cwd: published });
    expect(run.code, run.stderr).toBe(0);
  }, 300_000);

  it('refuses a path that does not exist with exit 3, naming it, and changes nothing', async () => {
    const root = cloneTemplate();
    const before = snapshotTree(root);
    const add = await runCli(['data', 'add', 'no-such-folder', '--json'], { cwd: root });
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(
      /^mlops: ENOENT: no such file or directory, stat '.*no-such-folder'$/m,
    );
    expect(add.stderr).not.toMatch(STACK_LINE);
    expect(JSON.parse(add.stdout).error).toMatchObject({ kind: 'input', exitCode: 3 });
    const compare = await runCli(
      ['drift', 'compare', '--reference', 'missing.csv', '--current', 'missing.csv'],
      { cwd: root },
    );
    expect(compare.code).toBe(3);
    expect(compare.stderr).toContain("no such file or directory, open '");
    expect(compare.stderr).not.toMatch(STACK_LINE);
    expect(snapshotTree(root)).toEqual(before);
    const noRoot = await runCli(['registry', 'list', '--root', join(root, 'no-such-root')], {
      cwd: root,
    });
    expect(noRoot.code).toBe(3);
    expect(noRoot.stderr).toMatch(
      /^mlops: ENOENT: no such file or directory, scandir '.*no-such-root'$/m,
    );
    expect(noRoot.stderr).not.toMatch(STACK_LINE);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('answers a port in use with exit 2 and how to choose another', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    // The serving cache may gain the verified release files (a cache, as .dvc/cache); nothing else.
    const tree = () =>
      Object.fromEntries(
        Object.entries(snapshotTree(published)).filter(
          ([path]) => !path.startsWith('.mlops/serving/'),
        ),
      );
    const before = tree();
    try {
      const run = await runCli(['serve', 'house-prices', '--port', String(port)], {
        cwd: published,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `mlops: serve: port ${port} on 127.0.0.1 is in use; choose another with --port <n> (--port 0 picks a free one)`,
      );
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(tree()).toEqual(before);
    } finally {
      holder.close();
    }
  });

  it('ends quietly with exit 0 when the reader of its output goes away (mlops registry list | head -1)', async () => {
    const before = snapshotTree(published);
    for (const args of [['registry', 'list'], ['registry', 'show', 'house-prices'], ['--help']]) {
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [join(projectRoot, 'packages/cli/bin/mlops.js'), ...args],
          { cwd: published, env: { ...process.env, MLOPS_BACKEND: 'wasm' } },
        );
        child.stdout.destroy();
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.code, args.join(' ')).toBe(0);
    }
    expect(snapshotTree(published)).toEqual(before);
  });
});

describe('model.yaml is checked before any work: exit 3, its file and line, nothing written', () => {
  /** Runs `mlops pipeline` on a clone whose model.yaml was edited; returns the run and the error. */
  async function pipelineWith(edit: (yaml: string) => string, ignore: readonly string[] = []) {
    const root = cloneTemplate({ epochs: 2 });
    const yaml = join(root, 'models/house-prices/model.yaml');
    editFile(yaml, (text) => {
      const edited = edit(text);
      expect(edited).not.toBe(text);
      return edited;
    });
    const tree = () =>
      Object.fromEntries(
        Object.entries(snapshotTree(root)).filter(
          ([path]) => ![...DVC_INTERNALS, ...ignore].some((prefix) => path.startsWith(prefix)),
        ),
      );
    const before = tree();
    const run = await runCli(['pipeline', '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(tree()).toEqual(before);
    expect(existsSync(join(root, 'models/house-prices/artifacts'))).toBe(false);
    expect(existsSync(join(root, '.mlops/registry'))).toBe(false);
    const { error } = JSON.parse(run.stdout) as { error: { message: string; exitCode: number } };
    expect(error.exitCode).toBe(3);
    return error.message;
  }

  it('refuses a gate on a misspelled metric, with its line and the metric meant', async () => {
    const message = await pipelineWith((yaml) => yaml.replace('metric: rmse,', 'metric: rmsee,'));
    expect(message).toContain('models/house-prices/model.yaml: invalid model configuration');
    expect(message).toMatch(
      /gates\[0\]\.metric \(line 50\): expected a metric of a regression model \(.*\), found "rmsee"; did you mean "rmse"\?/,
    );
  });

  it('refuses a gate on a classification metric for a regression model', async () => {
    const message = await pipelineWith((yaml) => yaml.replace('metric: r2,', 'metric: accuracy,'));
    expect(message).toMatch(
      /gates\[1\]\.metric \(line 51\): .*found "accuracy"; "accuracy" is a classification metric and this model is a regression/,
    );
  });

  it('refuses a YAML syntax error with its line and column', async () => {
    const message = await pipelineWith((yaml) =>
      yaml.replace('  batchSize: 128', ' batchSize: 128'),
    );
    expect(message).toMatch(
      /models\/house-prices\/model\.yaml: not valid YAML \(line 42, column 1\): All mapping items must start at the same column/,
    );
  });

  it('refuses a data file that does not exist, naming it, before training', async () => {
    // `pipeline` pulls the data of data.dvc first (data/): that is the only change.
    const message = await pipelineWith(
      (yaml) => yaml.replace('data/house-sales/sales.csv', 'data/house-sales/sale.csv'),
      ['data/'],
    );
    expect(message).toMatch(
      /model\.yaml: invalid model configuration \(1 problem\)\n {2}- data\.files\[0\] \(line 8\): expected a file of the workspace, found "data\/house-sales\/sale\.csv", which does not exist \(the data of data\.dvc is pulled\)/,
    );
  });
});

describe('mlops prints what people read: where the report is, numbers as they are written', () => {
  let root: string;
  let pipelineOut: string;
  beforeAll(async () => {
    root = cloneTemplate({ epochs: 2 });
    const run = await runCli(['pipeline'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    pipelineOut = run.stdout;
  }, 300_000);

  it("prints the report's path after mlops pipeline and mlops evaluate", async () => {
    const line = 'Report: models/house-prices/artifacts/candidate/report.md';
    expect(pipelineOut.split('\n')).toContain(line);
    expect(existsSync(join(root, 'models/house-prices/artifacts/candidate/report.md'))).toBe(true);
    const evaluate = await runCli(['evaluate', 'house-prices'], { cwd: root });
    expect(evaluate.code, evaluate.stderr).toBe(0);
    expect(evaluate.stdout.trimEnd().split('\n').at(-1)).toBe(line);
    const elsewhere = await runCli(['evaluate', 'house-prices', '--root', root], {
      cwd: projectRoot,
    });
    expect(elsewhere.stdout).toContain(
      `Report: ${join(root, 'models/house-prices/artifacts/candidate/report.md')}`,
    );
  });

  it('prints registry metrics with thousands separators, never in exponent notation', async () => {
    const show = await runCli(['registry', 'show', 'house-prices', '--json'], { cwd: root });
    const rmse = (JSON.parse(show.stdout) as { metrics: { rmse: number } }).metrics.rmse;
    expect(rmse).toBeGreaterThan(10_000);
    const grouped = Math.round(rmse).toLocaleString('en-US');
    const list = await runCli(['registry', 'list'], { cwd: root });
    expect(list.stdout).toContain(`rmse ${grouped} (production)`);
    const text = await runCli(['registry', 'show', 'house-prices'], { cwd: root });
    expect(text.stdout).toContain(`  rmse: ${grouped}\n`);
    expect(text.stdout).toMatch(/ \(\d{1,3}(,\d{3})+ bytes\)/);
    expect(`${list.stdout}${text.stdout}`).not.toMatch(/\de[+-]\d/);
  });
});
