import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createGitHubClient, GitHubReleasesRegistry } from '@repo/github';
import {
  type Emulator,
  GITHUB_ACTIONS_BOT,
  parseJobPermissions,
  startEmulator,
  type TokenPermissions,
} from '@repo/github-emulator';
import { type JobResult, readWorkflow, runJob, type StepOverride } from '@repo/workflow-runner';
import { unzipSync, zipSync } from 'fflate';
import { projectRoot } from '../helpers/template-repo';
import { GitRepository } from './git-repository';

export const OWNER = 'acme';
export const REPO = 'models';
/** A stranger's fork: its pull requests' runs carry it as their head repository. */
export const FORK = 'mallory/models';
const TOKEN = 'ghs_scenario';
const STRANGER_TOKEN = 'ghp_mallory';
/** Anyone with a GitHub account: can comment on a public repository's pull requests. */
export const STRANGER = { login: 'mallory', id: 666, type: 'User' } as const;
/** The GitHub App whose installation token drift.yml mints when the App's secrets are set. */
export const APP_BOT = { login: 'mlops-app[bot]', id: 9001, type: 'Bot' } as const;
const repository = {
  full_name: `${OWNER}/${REPO}`,
  name: REPO,
  owner: { login: OWNER },
  default_branch: 'main',
};
const workflow = (name: string) => join(projectRoot, '.github/workflows', name);

/**
 * GitHub for one scenario: the REST emulator, a bare origin with a working clone, an artifact
 * store, and the workflow files run job by job with the bundled actions as processes.
 */
export class GitHubLoop {
  private runId = 1000;
  /** Every job run: its workflow, name, token and declared permissions (see `jobToken`). */
  readonly jobs: { file: string; job: string; token: string; permissions: TokenPermissions }[] = [];
  /** Permissions to take away from a job's token (`file#job` → scopes), to test they are needed. */
  readonly withhold = new Map<string, readonly string[]>();
  /** What actions/attest-build-provenance was asked to attest: `<tag>/<asset>` → sha256. */
  readonly attested = new Map<string, string>();
  private readonly pulls = new Set<number>();
  /** The App installation tokens actions/create-github-app-token minted (see {@link APP_BOT}). */
  readonly appTokens: string[] = [];

  private constructor(
    readonly emulator: Emulator,
    readonly repo: GitRepository,
  ) {}

  static async start(options: { epochs: number }): Promise<GitHubLoop> {
    const emulator = await startEmulator({
      tokens: { [TOKEN]: GITHUB_ACTIONS_BOT, [STRANGER_TOKEN]: STRANGER },
    });
    emulator.state.addRepo(`${OWNER}/${REPO}`, { defaultBranch: 'main' });
    emulator.state.addRepo(FORK, { defaultBranch: 'main', forkOf: `${OWNER}/${REPO}` });
    return new GitHubLoop(emulator, new GitRepository(options));
  }

  /** A client as a person or a test would use: no write spacing. */
  client() {
    return createGitHubClient({
      token: TOKEN,
      baseUrl: this.emulator.apiUrl,
      throttle: { enabled: false },
    });
  }

  /** A stranger's client (their own personal token). */
  strangerClient() {
    return createGitHubClient({
      token: STRANGER_TOKEN,
      baseUrl: this.emulator.apiUrl,
      throttle: { enabled: false },
    });
  }

  registry(): GitHubReleasesRegistry {
    return new GitHubReleasesRegistry(this.client(), { owner: OWNER, repo: REPO });
  }

  async close(): Promise<void> {
    await this.emulator.close();
  }

  /** Third-party steps: checkout moves the clone, artifacts go to a local store. */
  private overrides(sha: string, token: string): Record<string, StepOverride> {
    return {
      // actions/checkout fetches with the job's token: it needs contents: read.
      'actions/checkout': async ({ with: input }) => {
        const { status } = await fetch(
          `${this.emulator.apiUrl}/repos/${OWNER}/${REPO}/git/ref/heads%2Fmain`,
          {
            headers: { authorization: `token ${token}` },
          },
        );
        if (status === 403) throw new Error('actions/checkout: the token cannot read contents');
        this.repo.checkout(input.ref !== undefined && input.ref !== '' ? input.ref : sha);
        return {};
      },
      // actions/upload-artifact stores a zip with the run; download-artifact fetches it by run id.
      'actions/upload-artifact': ({ with: input, env }) => {
        this.emulator.state.addArtifact(`${OWNER}/${REPO}`, {
          name: String(input.name),
          zip: zipFolder(String(input.path)),
          runId: Number(env.GITHUB_RUN_ID),
          headSha: sha,
        });
        return {};
      },
      // An installation token of the App with the permissions the step asks for (permission-*).
      'actions/create-github-app-token': ({ with: input }) => {
        const permissions = Object.fromEntries(
          Object.entries(input)
            .filter(([name, level]) => name.startsWith('permission-') && level !== '')
            .map(([name, level]) => [name.slice('permission-'.length), level]),
        ) as TokenPermissions;
        const appToken = this.emulator.state.issueToken(permissions, APP_BOT);
        this.appTokens.push(appToken);
        return { outputs: { token: appToken, 'app-slug': 'mlops-app' } };
      },
      // Attests the subjects of a sha256sum file (the signing itself needs GitHub's OIDC).
      // The runner's Node.js is the one these tests run on.
      'actions/setup-node': () => ({}),
      // A cache hit for node_modules: this project's own, installed from the same lockfile (the
      // miss path, npm ci, needs the registry and runs on GitHub only).
      'actions/cache': ({ with: input, workspace }) => {
        const target = join(workspace, String(input.path));
        if (!existsSync(target)) symlinkSync(join(projectRoot, 'node_modules'), target, 'dir');
        return { outputs: { 'cache-hit': 'true', 'cache-primary-key': String(input.key) } };
      },
      'actions/attest-build-provenance': ({ with: input }) => {
        for (const line of readFileSync(String(input['subject-checksums']), 'utf8').split('\n')) {
          const [sha, name] = line.split(/\s+/);
          if (sha !== undefined && name !== undefined && sha !== '') this.attested.set(name, sha);
        }
        return {};
      },
      // download-artifact lists the run's artifacts and downloads each zip with `github-token`.
      'actions/download-artifact': async ({ with: input }) => {
        const pattern = new RegExp(`^${String(input.pattern).replace(/\*/g, '.*')}$`);
        const client = createGitHubClient({
          token: String(input['github-token']),
          baseUrl: this.emulator.apiUrl,
          throttle: { enabled: false },
          retries: 0,
        });
        const { data } = await client.rest.actions.listWorkflowRunArtifacts({
          owner: OWNER,
          repo: REPO,
          run_id: Number(input['run-id']),
          per_page: 100,
        });
        for (const artifact of data.artifacts.filter((a) => pattern.test(a.name))) {
          const zip = await client.rest.actions.downloadArtifact({
            owner: OWNER,
            repo: REPO,
            artifact_id: artifact.id,
            archive_format: 'zip',
          });
          for (const [name, bytes] of Object.entries(
            unzipSync(new Uint8Array(zip.data as ArrayBuffer)),
          )) {
            const file = join(String(input.path), artifact.name, name);
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, bytes);
          }
        }
        return {};
      },
    };
  }

  /**
   * The job's GITHUB_TOKEN: exactly the job's `permissions:` (read-only for a fork's run), less
   * what {@link withhold} takes away, as GitHub issues it.
   */
  private jobToken(file: string, job: string, readOnly: boolean): string {
    const declared = readWorkflow(workflow(file)).jobs[job]?.permissions;
    const permissions = Object.fromEntries(
      Object.entries(parseJobPermissions(declared, { readOnly })).filter(
        ([scope]) => !(this.withhold.get(`${file}#${job}`) ?? []).includes(scope),
      ),
    ) as TokenPermissions;
    const token = this.emulator.state.issueToken(permissions);
    this.jobs.push({ file, job, token, permissions });
    return token;
  }

  /** Runs `work` and puts the clone back on the branch it was on (checkout steps detach it). */
  private async keepBranch<T>(work: () => Promise<T>): Promise<T> {
    const branch = this.repo.git('rev-parse', '--abbrev-ref', 'HEAD');
    try {
      return await work();
    } finally {
      if (branch !== 'HEAD') this.repo.git('checkout', '-q', '-f', branch);
    }
  }

  private async job(
    file: string,
    job: string,
    event: { name: string; payload: Record<string, unknown> },
    sha: string,
    extra: {
      matrix?: Record<string, string>;
      needs?: Record<
        string,
        {
          outputs?: Record<string, string>;
          result?: 'success' | 'failure' | 'skipped' | 'cancelled';
        }
      >;
      runId: number;
      /** A fork's pull_request run: GitHub caps its token at read. */
      readOnly?: boolean;
      /** Repository secrets besides GITHUB_TOKEN. */
      secrets?: Record<string, string>;
    },
  ): Promise<JobResult> {
    const token = this.jobToken(file, job, extra.readOnly === true);
    const result = await runJob({
      workflowFile: workflow(file),
      job,
      event,
      workspace: this.repo.work,
      github: {
        repository: `${OWNER}/${REPO}`,
        sha,
        apiUrl: this.emulator.apiUrl,
        serverUrl: this.emulator.webUrl,
        runId: extra.runId,
        token,
      },
      secrets: { ...extra.secrets, GITHUB_TOKEN: token },
      stepOverrides: this.overrides(sha, token),
      ...(extra.matrix === undefined ? {} : { matrix: extra.matrix }),
      ...(extra.needs === undefined ? {} : { needs: extra.needs }),
    });
    return result;
  }

  /** Merges pull request `number` (its branch) into main, as GitHub records it; the push. */
  mergePull(number: number, branch: string): { before: string; after: string } {
    const push = this.repo.merge(branch);
    this.emulator.state.mergePullRequest(`${OWNER}/${REPO}`, number, push.after);
    return push;
  }

  /** model-pr.yml (changes → train-evaluate per model), then model-report.yml on its workflow_run. */
  pullRequestRun(pr: PullRequestRunOptions) {
    return this.keepBranch(async () => {
      const { reportRun, ...run } = await this.runPullRequest(pr);
      return { ...run, report: await reportRun() };
    });
  }

  /**
   * model-pr.yml only; its model-report.yml run comes when `reportLater` is called, as a delayed
   * workflow_run does (GitHub starts them in no guaranteed order).
   */
  pullRequestRunReportLater(pr: PullRequestRunOptions) {
    return this.keepBranch(async () => {
      const { reportRun, ...run } = await this.runPullRequest(pr);
      return { ...run, reportLater: () => this.keepBranch(reportRun) };
    });
  }

  private async runPullRequest(pr: PullRequestRunOptions) {
    const head = this.repo.git('rev-parse', pr.branch);
    const base = this.repo.git('rev-parse', 'main');
    const headRepository = pr.fork === true ? FORK : `${OWNER}/${REPO}`;
    // What GET /pulls/{n}/files lists: the diff of the head against the merge base.
    const files = this.repo
      .git('diff', '--name-only', `${base}...${head}`)
      .split('\n')
      .filter((f) => f !== '')
      .map((filename) => ({ filename }));
    if (!this.pulls.has(pr.number)) {
      this.pulls.add(pr.number);
      this.emulator.state.addPullRequest(`${OWNER}/${REPO}`, {
        number: pr.number,
        head: { ref: pr.branch, sha: head },
        base: { ref: 'main' },
        headRepo: headRepository,
        files,
      });
    } else {
      this.emulator.state.pushPullRequestHead(`${OWNER}/${REPO}`, pr.number, head, files);
    }
    const runId = ++this.runId;
    this.emulator.state.addWorkflowRun(`${OWNER}/${REPO}`, {
      id: runId,
      path: '.github/workflows/model-pr.yml',
      event: 'pull_request',
      headSha: head,
      headBranch: pr.branch,
      headRepository,
      // GitHub lists no pull request in a fork's runs.
      pullRequests:
        pr.fork === true ? [] : [{ number: pr.number, headRef: pr.branch, baseRef: 'main' }],
    });
    const event = {
      name: 'pull_request',
      payload: {
        action: 'synchronize',
        number: pr.number,
        pull_request: {
          number: pr.number,
          head: { sha: head, ref: pr.branch },
          base: { sha: base, ref: 'main' },
        },
        repository,
      },
    };
    // GITHUB_SHA of a pull_request run, and what actions/checkout checks out by default.
    const testMerge = this.repo.testMerge(head);
    const readOnly = pr.fork === true;
    const changes = await this.job('model-pr.yml', 'changes', event, testMerge, {
      runId,
      readOnly,
    });
    const models = JSON.parse(changes.outputs.matrix ?? '{"model":[]}') as { model: string[] };
    const trained: JobResult[] = [];
    for (const model of models.model) {
      trained.push(
        await this.job('model-pr.yml', 'train-evaluate', event, testMerge, {
          runId,
          readOnly,
          matrix: { model },
          needs: { changes: { outputs: { ...changes.outputs }, result: 'success' } },
        }),
      );
    }
    // What a fork's own workflow may add to its run before it completes (e.g. forged artifacts).
    await pr.inRun?.(runId);
    this.emulator.state.completeWorkflowRun(
      `${OWNER}/${REPO}`,
      runId,
      trained.every((job) => job.result === 'success') ? 'success' : 'failure',
    );
    const reportRun = () =>
      this.job(
        'model-report.yml',
        'report',
        {
          name: 'workflow_run',
          payload: {
            action: 'completed',
            workflow_run: {
              id: runId,
              event: 'pull_request',
              conclusion: 'success',
              head_sha: head,
              head_repository: { full_name: headRepository },
              // A fork's pull request is not listed in workflow_run.
              pull_requests: pr.fork === true ? [] : [{ number: pr.number }],
            },
            repository,
          },
        },
        this.repo.git('rev-parse', 'main'),
        { runId: ++this.runId },
      );
    return { head, changes, trained, reportRun };
  }

  /** model-release.yml on the push of a merge: changes → promote, then deploy.yml for each release. */
  /**
   * `rerunPromote` re-runs the promote job with the outputs `changes` gave the first time, as
   * "Re-run jobs" does on GitHub.
   */
  releaseRun(push: { before: string; after: string }, options: ReleaseRunOptions = {}) {
    return this.keepBranch(() => this.runRelease(push, options));
  }

  private async runRelease(push: { before: string; after: string }, options: ReleaseRunOptions) {
    const runId = ++this.runId;
    const event = {
      name: 'push',
      payload: {
        ref: 'refs/heads/main',
        before: push.before,
        after: push.after,
        head_commit: { message: 'Merge pull request' },
        repository,
      },
    };
    const changes =
      options.rerunPromote === undefined
        ? await this.job('model-release.yml', 'changes', event, push.after, { runId })
        : { outputs: options.rerunPromote };
    const promote = await this.job('model-release.yml', 'promote', event, push.after, {
      runId,
      needs: { changes: { outputs: { ...changes.outputs }, result: 'success' } },
    });
    const promoted = JSON.parse(promote.outputs.promoted || '[]') as {
      model: string;
      version: string;
    }[];
    const deploys: JobResult[] = [];
    // GitHub creates the tag of a published release in the repository; so does this origin.
    for (const release of promoted) {
      const tag = `${release.model}@v${release.version}`;
      if (this.repo.git('tag', '--list', tag).trim() !== '') continue;
      this.repo.git('tag', tag, push.after);
      this.repo.git('push', '-q', 'origin', tag);
    }
    if (options.skipDeploy !== true) {
      for (const release of promoted) deploys.push(...(await this.runDeploy(release, push.after)));
    }
    const deployResult =
      promoted.length === 0 || options.skipDeploy === true
        ? 'skipped'
        : deploys.every((job) => job.result !== 'failure')
          ? 'success'
          : 'failure';
    const result = await this.job('model-release.yml', 'result', event, push.after, {
      runId,
      needs: {
        promote: { outputs: { ...promote.outputs }, result: promote.result },
        deploy: { outputs: {}, result: deployResult },
      },
    });
    return { changes, promote, promoted, deploys, result };
  }

  /** deploy.yml as model-release calls it, or as a person dispatches it to roll back. */
  deployRun(target: { model: string; version: string }, sha: string): Promise<JobResult[]> {
    return this.keepBranch(() => this.runDeploy(target, sha));
  }

  private async runDeploy(
    target: { model: string; version: string },
    sha: string,
  ): Promise<JobResult[]> {
    const runId = ++this.runId;
    const event = {
      name: 'workflow_dispatch',
      payload: { inputs: target, ref: 'refs/heads/main', repository },
    };
    const resolved = await this.job('deploy.yml', 'target', event, sha, { runId });
    const deploy = await this.job('deploy.yml', 'deploy', event, sha, {
      runId,
      needs: { target: { outputs: { ...resolved.outputs }, result: 'success' } },
    });
    return [resolved, deploy];
  }
  /**
   * drift.yml on its daily `schedule` (every model), or dispatched for one `model`: the models
   * job, then the drift job of each listed model, from main's head.
   */
  driftRun(options: { model?: string; app?: boolean } = {}) {
    return this.keepBranch(async () => {
      this.emulator.state.branchResolver ??= (_repo, branch) => this.originBranch(branch);
      const secrets: Record<string, string> =
        options.app === true ? { MLOPS_APP_ID: '9001', MLOPS_APP_PRIVATE_KEY: 'test-key' } : {};
      const runId = ++this.runId;
      const sha = this.repo.git('rev-parse', 'main');
      const event =
        options.model === undefined
          ? { name: 'schedule', payload: { schedule: '23 5 * * *', repository } }
          : {
              name: 'workflow_dispatch',
              payload: { inputs: { model: options.model }, ref: 'refs/heads/main', repository },
            };
      const models = await this.job('drift.yml', 'models', event, sha, { runId });
      const matrix = JSON.parse(models.outputs.matrix || '{"model":[]}') as { model: string[] };
      const drift: JobResult[] = [];
      if (models.outputs.any === 'true') {
        for (const model of matrix.model) {
          drift.push(
            await this.job('drift.yml', 'drift', event, sha, {
              runId,
              secrets,
              matrix: { model },
              needs: { models: { outputs: { ...models.outputs }, result: 'success' } },
            }),
          );
        }
      }
      this.syncPushedPullRequests();
      return { runId, models, drift };
    });
  }

  /**
   * model-pr.yml as a `workflow_dispatch` starts it (drift.yml dispatches it on a retraining
   * branch pushed with GITHUB_TOKEN): changes → train-evaluate per model, at the branch's head.
   */
  dispatchedPullRequestRun(dispatch: { ref: string; inputs: Readonly<Record<string, unknown>> }) {
    return this.keepBranch(async () => {
      const head = this.originBranch(dispatch.ref);
      if (head === undefined) throw new Error(`the origin has no branch ${dispatch.ref}`);
      this.repo.git(
        'fetch',
        '-q',
        'origin',
        `+refs/heads/${dispatch.ref}:refs/remotes/origin/${dispatch.ref}`,
      );
      const runId = ++this.runId;
      this.emulator.state.addWorkflowRun(`${OWNER}/${REPO}`, {
        id: runId,
        path: '.github/workflows/model-pr.yml',
        event: 'workflow_dispatch',
        headSha: head,
        headBranch: dispatch.ref,
        pullRequests: [],
      });
      const event = {
        name: 'workflow_dispatch',
        payload: { inputs: dispatch.inputs, ref: `refs/heads/${dispatch.ref}`, repository },
      };
      const changes = await this.job('model-pr.yml', 'changes', event, head, { runId });
      const models = JSON.parse(changes.outputs.matrix || '{"model":[]}') as { model: string[] };
      const trained: JobResult[] = [];
      for (const model of models.model) {
        trained.push(
          await this.job('model-pr.yml', 'train-evaluate', event, head, {
            runId,
            matrix: { model },
            needs: { changes: { outputs: { ...changes.outputs }, result: 'success' } },
          }),
        );
      }
      this.emulator.state.completeWorkflowRun(`${OWNER}/${REPO}`, runId, 'success');
      // model-report.yml on its workflow_run: a dispatched run lists no pull request.
      const report = await this.job(
        'model-report.yml',
        'report',
        {
          name: 'workflow_run',
          payload: {
            action: 'completed',
            workflow_run: {
              id: runId,
              event: 'workflow_dispatch',
              conclusion: 'success',
              head_sha: head,
              head_repository: { full_name: `${OWNER}/${REPO}` },
              pull_requests: [],
            },
            repository,
          },
        },
        this.repo.git('rev-parse', 'main'),
        { runId: ++this.runId },
      );
      return { runId, head, changes, trained, report };
    });
  }

  /** The head of `branch` in the origin, as GitHub sees a branch pushed with git. */
  private originBranch(branch: string): string | undefined {
    try {
      return execFileSync('git', ['rev-parse', '--verify', '-q', `refs/heads/${branch}`], {
        cwd: this.repo.origin,
        encoding: 'utf8',
      }).trim();
    } catch {
      return undefined;
    }
  }

  /**
   * What GitHub does on a push to a pull request's branch, for the pull requests opened through
   * the REST API (drift.yml's retraining pull requests): their head and changed files follow the
   * origin, and {@link pullRequestRun} treats them as known.
   */
  private syncPushedPullRequests(): void {
    const repo = this.emulator.state.repo(`${OWNER}/${REPO}`);
    for (const issue of repo.issues.values()) {
      const pull = issue.pull;
      if (pull === undefined || pull.merge !== undefined) continue;
      if (!pull.headRef.startsWith('mlops/retrain/')) continue;
      const head = this.originBranch(pull.headRef);
      if (head === undefined) continue;
      this.repo.git(
        'fetch',
        '-q',
        'origin',
        `+refs/heads/${pull.headRef}:refs/remotes/origin/${pull.headRef}`,
      );
      const files = this.repo
        .git('diff', '--name-only', `main...refs/remotes/origin/${pull.headRef}`)
        .split('\n')
        .filter((f) => f !== '')
        .map((filename) => ({ filename }));
      this.emulator.state.pushPullRequestHead(`${OWNER}/${REPO}`, issue.number, head, files);
      this.pulls.add(issue.number);
    }
  }

  /**
   * Per job (`file#job`) of the runs so far: the scopes its `permissions:` declared and the
   * scopes its token's granted calls used (the highest level of each). A fork's read-only runs
   * of a job are skipped once its full run is known.
   */
  scopeUse(): {
    declared: Map<string, Record<string, 'read' | 'write'>>;
    used: Map<string, Record<string, 'read' | 'write'>>;
  } {
    const levels = { read: 1, write: 2 } as const;
    const declared = new Map<string, Record<string, 'read' | 'write'>>();
    const used = new Map<string, Record<string, 'read' | 'write'>>();
    for (const run of this.jobs) {
      const key = `${run.file}#${run.job}`;
      if (Object.values(run.permissions).every((l) => l === 'read') && declared.has(key)) continue;
      declared.set(key, { ...(declared.get(key) ?? {}), ...run.permissions });
      const uses = used.get(key) ?? {};
      for (const use of this.emulator.state.permissionUses) {
        if (use.token !== run.token || !use.granted || use.scope === undefined) continue;
        const before = uses[use.scope];
        if (before === undefined || levels[use.level] > levels[before]) uses[use.scope] = use.level;
      }
      used.set(key, uses);
    }
    return { declared, used };
  }
}

export interface ReleaseRunOptions {
  /**
   * Re-run the promote job with the outputs `changes` gave the first time, as "Re-run jobs"
   * does on GitHub.
   */
  readonly rerunPromote?: Record<string, string>;
  /** The run dies after promote: its deploy jobs never run (a later re-run must finish them). */
  readonly skipDeploy?: boolean;
}

export interface PullRequestRunOptions {
  readonly number: number;
  readonly branch: string;
  /** The pull request comes from the stranger's fork ({@link FORK}). */
  readonly fork?: boolean;
  /** Called with the run id after the run's jobs, before it completes. */
  readonly inRun?: (runId: number) => void | Promise<void>;
}

/** The files under `dir` as a zip archive, paths relative to `dir` (as upload-artifact stores them). */
export function zipFolder(dir: string): Buffer {
  const files: Record<string, Uint8Array> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path);
    }
  };
  walk(dir);
  return Buffer.from(zipSync(files));
}

/** Commits and pushes a second model on main: a copy of the example with smaller layers. */
export function addSecondModel(gh: GitHubLoop, name = 'house-prices-small'): void {
  cpSync(join(gh.repo.work, 'models/house-prices'), join(gh.repo.work, 'models', name), {
    recursive: true,
    filter: (src) => !src.includes('artifacts'),
  });
  gh.repo.edit(`models/${name}/model.yaml`, (t) =>
    t.replace('name: house-prices', `name: ${name}`).replace('[64, 32]', '[16, 8]'),
  );
  gh.repo.edit(`models/${name}/package.json`, (t) => t.replaceAll('house-prices', name));
  gh.repo.git('add', '-A');
  gh.repo.commit(`A second model, ${name}`);
  gh.repo.git('push', '-q', 'origin', 'main');
}
