import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../helpers/template-repo';

/**
 * What a repository made from the template holds that the workflows and bundled actions use:
 * the model, the data pointer and DVC remote, the workflows, the actions (action.yml + dist) and
 * the sources that make up a model's input hash. No node_modules: the actions are self-contained.
 */
function templateFiles(): string[] {
  const files = [
    'models/house-prices/model.yaml',
    'models/house-prices/package.json',
    'data.dvc',
    '.dvc/config',
    '.dvc/.gitignore',
    '.dvc/storage',
    '.gitignore',
    '.github/workflows',
    'package.json',
    'package-lock.json',
  ];
  for (const action of readdirSync(join(projectRoot, 'actions'))) {
    if (existsSync(join(projectRoot, 'actions', action, 'action.yml'))) {
      files.push(`actions/${action}/action.yml`, `actions/${action}/dist`);
    }
  }
  for (const pkg of readdirSync(join(projectRoot, 'packages'))) {
    if (existsSync(join(projectRoot, 'packages', pkg, 'src'))) files.push(`packages/${pkg}/src`);
  }
  return files;
}

/** A bare `origin` and a working clone with real branches, commits and merges. */
export class GitRepository {
  readonly origin: string;
  readonly work: string;

  constructor(options: { epochs: number }) {
    const base = mkdtempSync(join(tmpdir(), 'mlops-scenario-'));
    this.origin = join(base, 'origin.git');
    this.work = join(base, 'work');
    git(base, 'init', '-q', '--bare', '-b', 'main', this.origin);
    git(base, 'clone', '-q', this.origin, this.work);
    for (const path of templateFiles()) {
      cpSync(join(projectRoot, path), join(this.work, path), { recursive: true });
    }
    this.edit('models/house-prices/model.yaml', (text) =>
      text.replace(/epochs: \d+/, `epochs: ${options.epochs}`),
    );
    this.edit('.gitignore', (text) => `${text}\nmlops-report/\n`);
    git(this.work, 'add', '-A');
    this.commit('Use the template');
    git(this.work, 'push', '-q', 'origin', 'main');
  }

  /** Runs git in the working clone. */
  git(...args: string[]): string {
    return git(this.work, ...args).trim();
  }

  edit(path: string, change: (text: string) => string): void {
    const file = join(this.work, path);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  }

  commit(message: string): string {
    git(
      this.work,
      '-c',
      'user.name=dev',
      '-c',
      'user.email=dev@example.com',
      'commit',
      '-q',
      '-a',
      '-m',
      message,
    );
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }

  /** A branch from main with one commit of `change`, pushed; returns its head. */
  branch(name: string): void {
    this.git('checkout', '-q', 'main');
    this.git('checkout', '-q', '-b', name);
  }

  push(branch: string): void {
    this.git('push', '-q', '--force', 'origin', branch);
  }

  /** Merges `branch` into main with a merge commit, pushes; returns the before and after shas. */
  merge(branch: string): { before: string; after: string } {
    this.git('checkout', '-q', 'main');
    const before = this.head();
    git(
      this.work,
      '-c',
      'user.name=dev',
      '-c',
      'user.email=dev@example.com',
      'merge',
      '-q',
      '--no-ff',
      '-m',
      `Merge ${branch}`,
      branch,
    );
    this.push('main');
    return { before, after: this.head() };
  }

  /**
   * The temporary merge of `head` into main that a pull_request run checks out (GitHub's
   * `refs/pull/<n>/merge`): a commit of its own, not on any branch. Returns its sha.
   */
  testMerge(head: string): string {
    this.git('checkout', '-q', '--detach', 'main');
    git(
      this.work,
      '-c',
      'user.name=GitHub',
      '-c',
      'user.email=noreply@github.com',
      'merge',
      '-q',
      '--no-ff',
      '-m',
      `Merge ${head} into main`,
      head,
    );
    return this.head();
  }

  /** What actions/checkout leaves: the working tree at `ref`, clean. */
  checkout(ref: string): void {
    this.git('checkout', '-q', '--detach', ref);
    this.git('clean', '-q', '-fdx', '-e', '.dvc/cache');
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}
