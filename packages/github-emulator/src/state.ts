import { createHash } from 'node:crypto';
import { type ChangedFile, diffEntry } from './payloads/diff-entry';
import type { RateLimitSnapshot } from './payloads/rate-limit';
import type {
  Artifact,
  CheckRun,
  CommitStatus,
  Deployment,
  DeploymentStatus,
  DiffEntry,
  GitTag,
  IssueComment,
  Label,
  Release,
  ReleaseAsset,
  WorkflowRun,
} from './payloads/schemas';
import { nodeId, timestamp, type Urls } from './payloads/urls';
import { type Account, GITHUB_ACTIONS_BOT } from './payloads/user';
import { type AddWorkflowRunOptions, workflowRunPayload } from './payloads/workflow-run';
import type { AccessLevel, TokenPermissions, TokenScope } from './permissions';

/** Thrown when a test seeds state inconsistently (bad repo name, unknown repo, duplicate number). */
export class EmulatorSeedError extends Error {
  override readonly name = 'EmulatorSeedError';
}

/** One request the emulator answered. `path` excludes the query string and the `/api/v3` prefix. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly host: 'api' | 'uploads' | 'web' | 'storage';
  status: number;
  /** The OpenAPI template the request matched, e.g. `GET /repos/{owner}/{repo}/releases`. */
  route: string | undefined;
}

export interface AssetRecord {
  readonly releaseId: number;
  readonly payload: ReleaseAsset;
  readonly bytes: Buffer;
}

export interface CommentRecord {
  readonly issueNumber: number;
  readonly payload: IssueComment;
}

export interface StatusRecord {
  readonly sha: string;
  readonly payload: CommitStatus;
}

export interface PullSeed {
  /** Changed by `PATCH /pulls/{pull_number}`. */
  title: string;
  /** Moves when the head branch is pushed ({@link EmulatorState.pushPullRequestHead}). */
  headSha: string;
  readonly headRef: string;
  readonly baseRef: string;
  /** Changed by `PATCH /pulls/{pull_number}`. */
  body: string | null;
  /** Replaced on each push ({@link EmulatorState.pushPullRequestHead}). */
  files: readonly DiffEntry[];
  readonly user: Account;
  readonly createdAt: Date;
  /** The repository the head branch lives in: this one, or a fork (`owner/name`). */
  readonly headRepo: string;
  /** Set when the pull request was merged: the merge commit on the base branch. */
  merge: { readonly sha: string; readonly at: Date } | undefined;
}

export interface IssueRecord {
  readonly number: number;
  /** Changed by `PATCH /issues/{issue_number}`. */
  title: string;
  labels: Label[];
  readonly pull: PullSeed | undefined;
  /** Fields of an issue created through `POST /issues` (seeded issues and pulls have none). */
  thread?: IssueThread;
}

/** What an issue created through the REST API records: its author, body and state. */
export interface IssueThread {
  readonly author: Account;
  readonly createdAt: Date;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  updatedAt: Date;
  closedAt: Date | null;
  closedBy: Account | null;
}

/** In-memory state of one repository. */
export interface RepoRecord {
  readonly id: number;
  readonly owner: Account;
  readonly name: string;
  readonly fullName: string;
  readonly defaultBranch: string;
  readonly private: boolean;
  readonly createdAt: Date;
  /** Fully qualified ref (`refs/heads/main`, `refs/tags/v1`) → commit sha. */
  readonly refs: Map<string, string>;
  /** Release payloads without `assets` (filled in when rendered). */
  readonly releases: Map<number, Release>;
  readonly assets: Map<number, AssetRecord>;
  readonly issues: Map<number, IssueRecord>;
  readonly comments: Map<number, CommentRecord>;
  readonly checkRuns: Map<number, CheckRun>;
  /** Head sha → id of the check suite that groups its check runs. */
  readonly checkSuites: Map<string, number>;
  readonly statuses: StatusRecord[];
  readonly deployments: Map<number, Deployment>;
  readonly deploymentStatuses: Map<number, DeploymentStatus[]>;
  /** Workflow run artifacts (what actions/upload-artifact stores), with their zip archives. */
  readonly artifacts: Map<number, ArtifactRecord>;
  /** Annotated tag objects (`POST /git/tags`) by their sha; a tag ref may point at one. */
  readonly tagObjects: Map<string, GitTag>;
  /** Workflow runs by id (seeded with {@link EmulatorState.addWorkflowRun}). */
  readonly workflowRuns: Map<number, WorkflowRun>;
  /** The repository this one is a fork of (`owner/name`), if any. */
  readonly parent: string | undefined;
  /** Release explicitly marked latest (`make_latest: "true"`), if any. */
  latestReleaseId: number | undefined;
}

/** An artifact and the bytes of its zip archive. */
export interface ArtifactRecord {
  readonly payload: Artifact;
  readonly zip: Buffer;
}

export interface AddArtifactOptions {
  readonly name: string;
  /** The zip archive, as actions/upload-artifact stores it. */
  readonly zip: Buffer;
  readonly runId: number;
  readonly headSha?: string;
  readonly headBranch?: string;
  readonly expired?: boolean;
}

export interface AddRepoOptions {
  defaultBranch?: string;
  private?: boolean;
  /** Sha of the default branch's head; derived from the repo name when omitted. */
  headSha?: string;
  /** Seeds the repository as a fork of this one (`owner/name`). */
  forkOf?: string;
}

export interface AddPullRequestOptions {
  number: number;
  title?: string;
  body?: string | null;
  head?: { ref?: string; sha?: string };
  base?: { ref?: string };
  files?: readonly ChangedFile[];
  labels?: readonly string[];
  user?: Account;
  /** The repository of the head branch, e.g. a fork `mallory/models`; default: this one. */
  headRepo?: string;
}

export interface StateOptions {
  urls: Urls;
  now: () => Date;
  /** Token → account. When omitted every token is accepted and acts as github-actions[bot]. */
  tokens?: Readonly<Record<string, Account>>;
  /** Logins whose tokens may edit and delete other people's comments (a maintainer's). */
  maintainers?: readonly string[];
  /**
   * Accept a draft release on a tag another release already has, refusing it only when it is
   * published (422 already_exists), as some reports say GitHub does; default: refused at creation.
   */
  draftsOnTakenTags?: boolean;
}

/** A deterministic 40-hex sha for seeded commits: sha1 of the given text. */
export function fakeSha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A request a scoped token made: the scope that granted it, or the one it lacked. */
export interface PermissionUse {
  readonly token: string;
  readonly route: string;
  readonly scope: TokenScope | undefined;
  readonly level: AccessLevel;
  readonly granted: boolean;
}

/** A `workflow_dispatch` event created through the REST API. */
export interface WorkflowDispatchRecord {
  readonly repo: string;
  /** The workflow file name or id, as the request named it. */
  readonly workflow: string;
  readonly ref: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly actor: string;
}

/** All state of one emulator: repositories, recorded requests and routes GitHub does not have. */
export class EmulatorState {
  readonly urls: Urls;
  readonly requests: RecordedRequest[] = [];
  /** Requests to method + path combinations absent from GitHub's OpenAPI description. */
  readonly unknownRoutes: RecordedRequest[] = [];
  /** Storage (signed-URL) requests that carried an Authorization header (refused with 400). */
  readonly tokenSentToStorage: RecordedRequest[] = [];
  /** Requests to routes GitHub has but the emulator does not implement (answered 400). */
  readonly unimplementedRoutes: RecordedRequest[] = [];
  /** Primary rate limit reported in `x-ratelimit-*` headers and `GET /rate_limit`. */
  readonly rateLimit: RateLimitSnapshot;
  readonly #repos = new Map<string, RepoRecord>();
  readonly #now: () => Date;
  readonly #tokens: Readonly<Record<string, Account>> | undefined;
  readonly #maintainers: ReadonlySet<string>;
  /** See {@link StateOptions.draftsOnTakenTags}. */
  readonly draftsOnTakenTags: boolean;
  readonly #scoped = new Map<string, { account: Account; permissions: TokenPermissions }>();
  /** Every request made with a scoped token ({@link issueToken}), granted or refused. */
  readonly permissionUses: PermissionUse[] = [];
  /** Workflow dispatches requested (`POST /actions/workflows/{workflow_id}/dispatches`). */
  readonly dispatches: WorkflowDispatchRecord[] = [];
  /**
   * Where branches pushed with git (outside the REST API) are looked up when a ref is not in the
   * seeded refs: `(repo full name, branch)` → its head sha. A scenario points it at its origin.
   */
  branchResolver: ((fullName: string, branch: string) => string | undefined) | undefined =
    undefined;
  #nextId = 1000;

  constructor(options: StateOptions) {
    this.urls = options.urls;
    this.#now = options.now;
    this.#tokens = options.tokens;
    this.#maintainers = new Set(options.maintainers ?? []);
    this.draftsOnTakenTags = options.draftsOnTakenTags ?? false;
    this.rateLimit = {
      limit: 5000,
      used: 0,
      reset: Math.floor(options.now().getTime() / 1000) + 3600,
    };
  }

  now(): Date {
    return this.#now();
  }

  /** A new id, unique across every kind of object of this emulator. */
  nextId(): number {
    this.#nextId += 1;
    return this.#nextId;
  }

  /** Whether `account` may change other people's comments (see {@link StateOptions.maintainers}). */
  isMaintainer(account: Account): boolean {
    return this.#maintainers.has(account.login);
  }

  /** The account a token acts as, or undefined when the token is not accepted. */
  accountForToken(token: string): Account | undefined {
    const scoped = this.#scoped.get(token);
    if (scoped !== undefined) return scoped.account;
    if (this.#tokens === undefined) return GITHUB_ACTIONS_BOT;
    return this.#tokens[token];
  }

  /**
   * A new token limited to `permissions`, as GitHub gives each workflow job a `GITHUB_TOKEN`
   * with the job's `permissions:`; it acts as github-actions[bot] unless `account` is given.
   * A write without the scope (or a read without read) answers 403.
   */
  issueToken(permissions: TokenPermissions, account: Account = GITHUB_ACTIONS_BOT): string {
    const token = `ghs_job${this.nextId()}`;
    this.#scoped.set(token, { account, permissions });
    return token;
  }

  /** The permissions of a token from {@link issueToken}; undefined for any other token. */
  tokenPermissions(token: string): TokenPermissions | undefined {
    return this.#scoped.get(token)?.permissions;
  }

  /**
   * Stores a workflow run's artifact, as actions/upload-artifact does (through an API that is not
   * part of GitHub's REST description); it is then listed and downloaded through the REST routes.
   */
  addArtifact(fullName: string, options: AddArtifactOptions): Artifact {
    const repo = this.repo(fullName);
    const run = repo.workflowRuns.get(options.runId);
    const id = this.nextId();
    const created = this.now();
    const api = `${this.urls.api}/repos/${repo.fullName}/actions/artifacts/${id}`;
    const payload: Artifact = {
      id,
      node_id: nodeId('MDg6QXJ0aWZhY3Q', id),
      name: options.name,
      size_in_bytes: options.zip.length,
      url: api,
      archive_download_url: `${api}/zip`,
      expired: options.expired ?? false,
      created_at: timestamp(created),
      updated_at: timestamp(created),
      expires_at: timestamp(new Date(created.getTime() + 90 * 24 * 3600 * 1000)),
      digest: `sha256:${createHash('sha256').update(options.zip).digest('hex')}`,
      // An artifact belongs to the run that uploaded it: a fork's run uploads with the fork as
      // its head repository, whatever name the artifact has.
      workflow_run: {
        id: options.runId,
        repository_id: repo.id,
        head_repository_id: Number(run?.head_repository.id ?? repo.id),
        head_branch: run?.head_branch ?? options.headBranch ?? repo.defaultBranch,
        head_sha:
          run?.head_sha ?? options.headSha ?? fakeSha(`${repo.fullName}@run-${options.runId}`),
      },
    };
    repo.artifacts.set(id, { payload, zip: options.zip });
    return payload;
  }

  /** Seeds a repository `owner/name` whose default branch points at a deterministic sha. */
  addRepo(fullName: string, options: AddRepoOptions = {}): RepoRecord {
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(fullName);
    if (match === null || match[1] === undefined || match[2] === undefined) {
      throw new EmulatorSeedError(`repository name "${fullName}" is not "owner/name"`);
    }
    const key = fullName.toLowerCase();
    if (this.#repos.has(key)) throw new EmulatorSeedError(`repository ${fullName} already exists`);
    const defaultBranch = options.defaultBranch ?? 'main';
    const repo: RepoRecord = {
      id: this.nextId(),
      owner: { login: match[1], id: this.nextId(), type: 'Organization' },
      name: match[2],
      fullName,
      defaultBranch,
      private: options.private ?? false,
      createdAt: this.now(),
      refs: new Map([
        [`refs/heads/${defaultBranch}`, options.headSha ?? fakeSha(`${fullName}@${defaultBranch}`)],
      ]),
      releases: new Map(),
      assets: new Map(),
      issues: new Map(),
      comments: new Map(),
      checkRuns: new Map(),
      checkSuites: new Map(),
      statuses: [],
      deployments: new Map(),
      deploymentStatuses: new Map(),
      artifacts: new Map(),
      workflowRuns: new Map(),
      tagObjects: new Map(),
      parent: options.forkOf,
      latestReleaseId: undefined,
    };
    this.#repos.set(key, repo);
    return repo;
  }

  /** The repository, or undefined (lookup is case-insensitive, like GitHub's). */
  findRepo(fullName: string): RepoRecord | undefined {
    return this.#repos.get(fullName.toLowerCase());
  }

  /** The repository; throws {@link EmulatorSeedError} when it was not seeded. */
  repo(fullName: string): RepoRecord {
    const repo = this.findRepo(fullName);
    if (repo === undefined)
      throw new EmulatorSeedError(`repository ${fullName} was not seeded (addRepo)`);
    return repo;
  }

  /** Seeds a branch (`refs/heads/<branch>`) at `sha` (deterministic when omitted); returns the sha. */
  addBranch(fullName: string, branch: string, sha?: string): string {
    const head = sha ?? fakeSha(`${fullName}@${branch}`);
    this.repo(fullName).refs.set(`refs/heads/${branch}`, head);
    return head;
  }

  /** Seeds an issue with labels (pull requests are seeded with {@link addPullRequest}). */
  addIssue(
    fullName: string,
    issue: { number: number; title?: string; labels?: readonly string[] },
  ): void {
    const repo = this.repo(fullName);
    this.#assertFreeNumber(repo, issue.number);
    repo.issues.set(issue.number, {
      number: issue.number,
      title: issue.title ?? `Issue ${issue.number}`,
      labels: (issue.labels ?? []).map((name) => this.#label(repo, name)),
      pull: undefined,
    });
  }

  /** Seeds a pull request with its changed files; its head branch is added to the refs. */
  addPullRequest(fullName: string, pull: AddPullRequestOptions): void {
    const repo = this.repo(fullName);
    this.#assertFreeNumber(repo, pull.number);
    const headRef = pull.head?.ref ?? `pr-${pull.number}`;
    const headSha = pull.head?.sha ?? fakeSha(`${fullName}#${pull.number}`);
    repo.refs.set(`refs/heads/${headRef}`, headSha);
    const files = (pull.files ?? []).map((file) => diffEntry(this.urls, fullName, headSha, file));
    repo.issues.set(pull.number, {
      number: pull.number,
      title: pull.title ?? `Pull request ${pull.number}`,
      labels: (pull.labels ?? []).map((name) => this.#label(repo, name)),
      pull: {
        title: pull.title ?? `Pull request ${pull.number}`,
        headRef,
        headSha,
        baseRef: pull.base?.ref ?? repo.defaultBranch,
        body: pull.body ?? null,
        files,
        user: pull.user ?? { login: 'octocat', id: 583231, type: 'User' },
        createdAt: this.now(),
        headRepo: pull.headRepo ?? repo.fullName,
        merge: undefined,
      },
    });
  }

  /**
   * A push to the head branch of pull request `number`: its head is now `sha`, and its changed
   * files `files` when given.
   */
  pushPullRequestHead(
    fullName: string,
    number: number,
    sha: string,
    files?: readonly ChangedFile[],
  ): void {
    const repo = this.repo(fullName);
    const pull = repo.issues.get(number)?.pull;
    if (pull === undefined) {
      throw new EmulatorSeedError(`${fullName} has no pull request #${number}`);
    }
    if (pull.merge !== undefined) throw new EmulatorSeedError(`${fullName}#${number} is merged`);
    pull.headSha = sha;
    if (files !== undefined) {
      pull.files = files.map((file) => diffEntry(this.urls, fullName, sha, file));
    }
    if (pull.headRepo === repo.fullName) repo.refs.set(`refs/heads/${pull.headRef}`, sha);
  }

  /** Marks pull request `number` merged by the commit `mergeSha` (pushed to its base branch). */
  mergePullRequest(fullName: string, number: number, mergeSha: string): void {
    const pull = this.repo(fullName).issues.get(number)?.pull;
    if (pull === undefined) {
      throw new EmulatorSeedError(`${fullName} has no pull request #${number} to merge`);
    }
    if (pull.merge !== undefined) {
      throw new EmulatorSeedError(`${fullName}#${number} is already merged`);
    }
    pull.merge = { sha: mergeSha, at: this.now() };
  }

  /**
   * Seeds a workflow run (as GitHub records one when a workflow starts): its workflow file,
   * event, head commit and head repository (a fork's `pull_request` runs carry the fork).
   * Artifacts added with its id take their head repository and sha from it.
   */
  addWorkflowRun(fullName: string, options: AddWorkflowRunOptions): WorkflowRun {
    const repo = this.repo(fullName);
    if (repo.workflowRuns.has(options.id)) {
      throw new EmulatorSeedError(`${fullName} already has workflow run ${options.id}`);
    }
    const headRepo = this.repo(options.headRepository ?? fullName);
    const payload = workflowRunPayload(this.urls, repo, headRepo, options, this.now());
    repo.workflowRuns.set(options.id, payload);
    return payload;
  }

  /** Completes a seeded workflow run with `conclusion`. */
  completeWorkflowRun(fullName: string, runId: number, conclusion: string): void {
    const repo = this.repo(fullName);
    const run = repo.workflowRuns.get(runId);
    if (run === undefined) throw new EmulatorSeedError(`${fullName} has no workflow run ${runId}`);
    repo.workflowRuns.set(runId, {
      ...run,
      status: 'completed',
      conclusion,
      updated_at: timestamp(this.now()),
    });
  }

  /** Resolves a branch, tag, fully qualified ref or 40-hex sha to a sha; undefined when unknown. */
  resolveSha(repo: RepoRecord, ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(ref)) return ref;
    const candidates = ref.startsWith('refs/')
      ? [ref]
      : [`refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`];
    for (const candidate of candidates) {
      const sha = repo.refs.get(candidate);
      if (sha !== undefined) return sha;
    }
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
    return ref.startsWith('refs/') && !ref.startsWith('refs/heads/')
      ? undefined
      : this.branchResolver?.(repo.fullName, branch);
  }

  #assertFreeNumber(repo: RepoRecord, number: number): void {
    if (repo.issues.has(number)) {
      throw new EmulatorSeedError(`${repo.fullName} already has issue or pull request #${number}`);
    }
  }

  /** The next free issue (or pull request) number of `repo`. */
  nextIssueNumber(repo: RepoRecord): number {
    return Math.max(0, ...repo.issues.keys()) + 1;
  }

  /** A label named `name` (GitHub creates a missing label when an issue is given it). */
  label(repo: RepoRecord, name: string): Label {
    return this.#label(repo, name);
  }

  #label(repo: RepoRecord, name: string): Label {
    const id = this.nextId();
    return {
      id,
      node_id: Buffer.from(`LA:${id}`).toString('base64url'),
      url: `${this.urls.api}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
      name,
      description: null,
      color: fakeSha(name).slice(0, 6),
      default: false,
    };
  }
}
