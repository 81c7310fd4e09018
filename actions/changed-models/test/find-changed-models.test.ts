import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChangedModels } from '../src/find-changed-models';

const exec = promisify(execFile);

let root: string;
let lines: string[];
const log = {
  info: (line: string) => lines.push(line),
  warning: (line: string) => lines.push(`warning: ${line}`),
};

async function git(...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd: root });
  return stdout.trim();
}

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
}

/** Commits `files` and returns the commit's sha. */
async function commit(files: Record<string, string>, message: string): Promise<string> {
  await write(files);
  await git('add', '.');
  await git('commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD');
}

let base: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'changed-models-'));
  lines = [];
  await git('init', '-q', '-b', 'main');
  await git('config', 'user.email', 'test@example.com');
  await git('config', 'user.name', 'test');
  await git('config', 'commit.gpgsign', 'false');
  base = await commit(
    {
      'models/alpha/model.yaml': 'name: alpha\n',
      'models/beta/model.yaml': 'name: beta\n',
      'README.md': '# models\n',
    },
    'two models',
  );
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findChangedModels', () => {
  it('finds the model whose folder changed between the two commits', async () => {
    const head = await commit({ 'models/beta/model.yaml': 'name: beta\n# tuned\n' }, 'tune beta');
    const changed = await findChangedModels(
      root,
      { baseSha: base, headSha: head, sinceLastRelease: false },
      log,
    );
    expect(changed).toEqual(['beta']);
    expect(lines).toContain(`1 changed file(s) between ${base} and ${head}`);
  });

  it('finds no model when only documentation changed', async () => {
    const head = await commit({ 'README.md': '# models\nmore\n' }, 'docs');
    const changed = await findChangedModels(
      root,
      { baseSha: base, headSha: head, sinceLastRelease: false },
      log,
    );
    expect(changed).toEqual([]);
    expect(lines.at(-1)).toBe('no model changed');
  });

  it('counts every model as changed when a shared path changed', async () => {
    const head = await commit({ 'packages/train/src/x.ts': 'export {};\n' }, 'shared');
    const changed = await findChangedModels(
      root,
      { baseSha: base, headSha: head, sinceLastRelease: false },
      log,
    );
    expect(changed).toEqual(['alpha', 'beta']);
  });

  it('counts every model as changed, with a warning, when git cannot compare the commits', async () => {
    const head = await commit({ 'models/alpha/model.yaml': 'name: alpha\n# x\n' }, 'alpha');
    const changed = await findChangedModels(
      root,
      { baseSha: 'f'.repeat(40), headSha: head, sinceLastRelease: false },
      log,
    );
    expect(changed).toEqual(['alpha', 'beta']);
    expect(lines.some((line) => line.startsWith('warning: git diff ffffffffffff'))).toBe(true);
  });

  it('since the last release, compares each model with its newest release tag', async () => {
    await git('tag', 'alpha@v1.0.0', base);
    await git('tag', 'beta@v1.0.0', base);
    const head = await commit({ 'models/alpha/model.yaml': 'name: alpha\n# x\n' }, 'alpha');
    const changed = await findChangedModels(
      root,
      { baseSha: base, headSha: head, sinceLastRelease: true },
      log,
    );
    expect(changed).toEqual(['alpha']);
    expect(lines).toContain('beta: 1 changed file(s) since beta@v1.0.0');
  });
});
