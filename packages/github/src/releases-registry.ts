import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AssetReadError,
  assertModelName,
  type DownloadedVersion,
  formatSha256Sums,
  InvalidVersionError,
  isSemver,
  type ModelRegistry,
  type ModelVersion,
  type PromotionEvent,
  type PublishInput,
  parseSemver,
  parseSha256Sums,
  RegistryCorruptError,
  type RollbackOptions,
  rollbackTarget,
  SHA256SUMS_FILE,
  sortSemverDescending,
  stripVersionPrefix,
  UnknownVersionError,
  VersionExistsError,
  type VersionRef,
  versionTag,
} from '@repo/registry';
import type { GitHubClient } from './client';
import { currentProduction, readPromotionHistory, recordPromotion } from './deployments';
import { PublishAbortedError } from './errors';
import {
  downloadReleaseAsset,
  hasStatus,
  isAlreadyExists,
  type Release,
  type RepoCoordinates,
  readTextAsset,
  requireAsset,
  uploadReleaseAsset,
} from './release-assets';
import { recordSums, verifySumsRecord } from './sums-record';
import { downloadVerified } from './verified-download';
import {
  assertAssetNames,
  describeFiles,
  formatVersionManifest,
  parseVersionManifest,
  sameChecksums,
  VERSION_MANIFEST_FILE,
} from './version-files';

export interface GitHubReleasesRegistryOptions extends RepoCoordinates {
  /** Branch or sha a new version's tag is created at (default: the repository's default branch). */
  readonly commitish?: string;
  /** Page size when listing releases (default 100, GitHub's maximum). */
  readonly perPage?: number;
  /** Clock for `createdAt`; injected by tests. */
  readonly now?: () => Date;
}

/**
 * The model registry on GitHub: each version is a release tagged `<model>@v<version>` named
 * `<model> v<version>` with the model card as body, holding the files, `SHA256SUMS` and
 * `version.json` (the same manifest `FileRegistry` writes). Production follows the contract of
 * `ModelRegistry`, with the promotion log read from the successful deployments to the
 * `production` environment naming the model: no deployment, no production.
 */
export class GitHubReleasesRegistry implements ModelRegistry {
  private readonly where: RepoCoordinates;
  private readonly commitish: string | undefined;
  private readonly perPage: number;
  private readonly now: () => Date;

  constructor(
    private readonly client: GitHubClient,
    options: GitHubReleasesRegistryOptions,
  ) {
    this.where = { owner: options.owner, repo: options.repo };
    this.commitish = options.commitish;
    this.perPage = options.perPage ?? 100;
    this.now = options.now ?? (() => new Date());
  }

  private get repoName(): string {
    return `${this.where.owner}/${this.where.repo}`;
  }

  private async manifestOf(release: Release): Promise<ModelVersion> {
    const text = await readTextAsset(this.client, this.where, release, VERSION_MANIFEST_FILE);
    return parseVersionManifest(text, `${release.tag_name}/${VERSION_MANIFEST_FILE}`);
  }

  private async sumsOf(release: Release) {
    const text = await readTextAsset(this.client, this.where, release, SHA256SUMS_FILE);
    return parseSha256Sums(text, `${release.tag_name}/${SHA256SUMS_FILE}`);
  }

  /** The published (non-draft) release of a tag; `undefined` on 404. */
  private async releaseByTag(tag: string): Promise<Release | undefined> {
    try {
      return (await this.client.rest.repos.getReleaseByTag({ ...this.where, tag })).data;
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async list(model: string): Promise<ModelVersion[]> {
    assertModelName(model);
    const prefix = `${model}@v`;
    const releases = await this.client.paginate(this.client.rest.repos.listReleases, {
      ...this.where,
      per_page: this.perPage,
    });
    const byVersion = new Map<string, Release>();
    for (const release of releases) {
      if (release.draft || !release.tag_name.startsWith(prefix)) continue;
      const version = release.tag_name.slice(prefix.length);
      if (isSemver(version)) byVersion.set(version, release);
    }
    const versions: ModelVersion[] = [];
    for (const version of sortSemverDescending([...byVersion.keys()])) {
      const release = byVersion.get(version);
      if (release !== undefined) versions.push(await this.manifestOf(release));
    }
    return versions;
  }

  async get(model: string, version: string): Promise<ModelVersion | undefined> {
    assertModelName(model);
    parseSemver(version);
    const release = await this.releaseByTag(versionTag(model, version));
    return release === undefined ? undefined : this.manifestOf(release);
  }

  async resolve(model: string, ref: VersionRef): Promise<ModelVersion | undefined> {
    if (ref === 'production') {
      const current = await currentProduction(this.client, this.where, model);
      if (current === undefined) return undefined;
      const version = await this.get(model, current);
      if (version === undefined) {
        throw new RegistryCorruptError(
          `the production deployments of ${this.repoName} make ${versionTag(model, current)} production, but it is not a published release`,
        );
      }
      return version;
    }
    if (ref === 'latest') return (await this.list(model))[0];
    const version = ref.startsWith('v') ? ref.slice(1) : ref;
    if (!isSemver(version)) {
      throw new InvalidVersionError(
        `cannot resolve "${ref}" for model "${model}": expected "production", "latest" or a semantic version`,
      );
    }
    return this.get(model, version);
  }

  async publish(input: PublishInput): Promise<ModelVersion> {
    const { model, version } = input;
    assertModelName(model);
    parseSemver(version);
    const tag = versionTag(model, version);
    assertAssetNames(input.files, tag);
    const assets = await describeFiles(input.files, tag);
    const manifest: ModelVersion = {
      model,
      version,
      tag,
      createdAt: this.now().toISOString(),
      assets,
      lineage: input.lineage,
      metrics: input.metrics,
      ...(input.notes === undefined ? {} : { notes: input.notes }),
    };

    // A published release of the tag: nothing is created (no second version, no draft left).
    const published = await this.releaseByTag(tag);
    if (published !== undefined) return this.matchExisting(tag, assets, undefined);
    // The SHA256SUMS digest, recorded in the tag before the release exists (see sums-record.ts).
    await recordSums(this.client, this.where, {
      tag,
      commitish: this.commitish,
      sums: formatSha256Sums(assets),
    });
    let draft: Release;
    try {
      draft = (
        await this.client.rest.repos.createRelease({
          ...this.where,
          tag_name: tag,
          ...(this.commitish === undefined ? {} : { target_commitish: this.commitish }),
          name: `${model} v${version}`,
          body: input.notes ?? '',
          draft: true,
        })
      ).data;
    } catch (error) {
      if (isAlreadyExists(error, 'tag_name')) return this.matchExisting(tag, assets, error);
      throw error;
    }

    try {
      for (const file of input.files) {
        let bytes: Buffer;
        try {
          bytes = await readFile(file.path);
        } catch (cause) {
          throw new AssetReadError(
            `cannot publish ${tag}: asset "${file.name}" cannot be read from ${file.path}`,
            { cause },
          );
        }
        await uploadReleaseAsset(this.client, this.where, draft, file.name, bytes);
      }
      await uploadReleaseAsset(
        this.client,
        this.where,
        draft,
        SHA256SUMS_FILE,
        Buffer.from(formatSha256Sums(assets)),
        'text/plain',
      );
      await uploadReleaseAsset(
        this.client,
        this.where,
        draft,
        VERSION_MANIFEST_FILE,
        Buffer.from(formatVersionManifest(manifest)),
        'application/json',
      );
    } catch (cause) {
      throw await this.abort(draft, tag, 'failed', cause);
    }
    return this.publishDraft(draft, tag, assets, manifest);
  }

  /**
   * Un-drafts a complete draft. When GitHub refuses because another run published the tag
   * meanwhile (some report GitHub accepts such a draft and refuses only here), the draft is
   * deleted and the published release is matched: no second version, no draft left behind.
   */
  private async publishDraft(
    draft: Release,
    tag: string,
    assets: readonly { name: string; sha256: string }[],
    manifest: ModelVersion,
  ): Promise<ModelVersion> {
    try {
      await this.client.rest.repos.updateRelease({
        ...this.where,
        release_id: draft.id,
        draft: false,
      });
      return manifest;
    } catch (error) {
      const aborted = await this.abort(draft, tag, 'failed at un-drafting', error);
      if (aborted.draftLeft === undefined && isAlreadyExists(error, 'tag_name')) {
        return this.matchExisting(tag, assets, error);
      }
      throw aborted;
    }
  }

  /** Deletes the draft of a failed publish; the error to throw says whether it is gone. */
  private async abort(
    draft: Release,
    tag: string,
    what: string,
    cause: unknown,
  ): Promise<PublishAbortedError> {
    let draftLeft: number | undefined;
    try {
      await this.client.rest.repos.deleteRelease({ ...this.where, release_id: draft.id });
    } catch {
      draftLeft = draft.id;
    }
    return new PublishAbortedError(
      `publishing ${tag} to ${this.repoName} ${what}; ${
        draftLeft === undefined
          ? 'the draft release was deleted'
          : `the draft release ${draftLeft} could not be deleted`
      }`,
      draftLeft,
      { cause },
    );
  }

  /** The tag exists: identical `SHA256SUMS` → the stored version; otherwise `VersionExistsError`. */
  private async matchExisting(
    tag: string,
    assets: readonly { name: string; sha256: string }[],
    cause: unknown,
  ): Promise<ModelVersion> {
    const existing = await this.releaseByTag(tag);
    if (existing === undefined) {
      throw new VersionExistsError(
        `${tag} already exists in ${this.repoName} as a draft or a bare tag; delete it or publish a new version`,
        { cause },
      );
    }
    if (sameChecksums(await this.sumsOf(existing), assets)) return this.manifestOf(existing);
    throw new VersionExistsError(
      `${tag} is already published in ${this.repoName} with different files; publish a new version instead`,
      { cause },
    );
  }

  async download(model: string, version: string, destDir: string): Promise<DownloadedVersion> {
    assertModelName(model);
    parseSemver(version);
    const tag = versionTag(model, version);
    const release = await this.releaseByTag(tag);
    if (release === undefined) {
      throw new UnknownVersionError(`${tag} is not a published release of ${this.repoName}`);
    }
    const sumsText = await readTextAsset(this.client, this.where, release, SHA256SUMS_FILE);
    await verifySumsRecord(this.client, this.where, tag, sumsText);
    const sums = parseSha256Sums(sumsText, `${tag}/${SHA256SUMS_FILE}`);
    const manifest = await this.manifestOf(release);
    return downloadVerified(
      manifest,
      sums,
      (name) => downloadReleaseAsset(this.client, this.where, requireAsset(release, name)),
      destDir,
    );
  }

  async promote(model: string, version: string, reason?: string): Promise<void> {
    const target = await this.get(model, version);
    if (target === undefined) {
      throw new UnknownVersionError(
        `cannot promote ${versionTag(model, version)}: it is not a published release of ${this.repoName}`,
      );
    }
    const current = await currentProduction(this.client, this.where, model);
    if (current === version) return;
    await this.verify(model, version);
    await recordPromotion(this.client, this.where, {
      model,
      version,
      action: 'promote',
      ...(reason === undefined ? {} : { reason }),
    });
  }

  async rollback(
    model: string,
    reason?: string,
    options: RollbackOptions = {},
  ): Promise<ModelVersion> {
    const to = options.to === undefined ? undefined : stripVersionPrefix(options.to);
    const { target } = rollbackTarget(model, await this.history(model), to);
    const manifest = await this.get(model, target);
    if (manifest === undefined) {
      throw new RegistryCorruptError(
        `the production deployments of ${this.repoName} record ${versionTag(model, target)} as an earlier production version, but it is not a published release`,
      );
    }
    await this.verify(model, target);
    await recordPromotion(this.client, this.where, {
      model,
      version: target,
      action: 'rollback',
      ...(reason === undefined ? {} : { reason }),
    });
    return manifest;
  }

  /** Downloads every asset of the version into a temporary folder, verifying each sha256. */
  private async verify(model: string, version: string): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'mlops-verify-'));
    try {
      await this.download(model, version, dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Runs `fn` as it is: versions are serialized by GitHub itself (a tag is created once, so a
   * second publisher of the same version gets `VersionExistsError`), and the workflows that
   * publish and deploy run in one concurrency group.
   */
  withWriteLock<T>(model: string, fn: () => Promise<T>): Promise<T> {
    assertModelName(model);
    return fn();
  }

  async history(model: string): Promise<PromotionEvent[]> {
    assertModelName(model);
    return readPromotionHistory(this.client, this.where, model);
  }
}
