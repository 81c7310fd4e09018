import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { assertAssetNames } from './asset-name';
import { writeFileAtomic } from './atomic-write';
import { downloadVerified, verifyStoredVersion } from './download-verified';
import {
  AssetReadError,
  InvalidVersionError,
  RegistryCorruptError,
  UnknownVersionError,
} from './errors';
import { hashSources, matchExisting, sortByName } from './existing-version';
import {
  type CheckedProduction,
  completeProductionWrite,
  productionFiles,
  readProduction,
  recordProductionEvent,
} from './file-production';
import { assertModelName } from './model-name';
import type { ModelRegistry, RollbackOptions, VersionRef } from './model-registry';
import type {
  AssetInfo,
  DownloadedVersion,
  ModelVersion,
  PromotionEvent,
  PublishInput,
} from './model-version';
import { versionTag } from './model-version';
import { readPromotionLog, rollbackTarget } from './promotion-log';
import { removeEmptyDirs } from './remove-empty-dirs';
import { isSemver, parseSemver, sortSemverDescending, stripVersionPrefix } from './semver';
import { sha256File } from './sha256-file';
import { SHA256SUMS_FILE, writeSha256Sums } from './sha256-sums';
import { makeStagingDir, removeStaleStaging } from './staging-dir';
import { pauseAt } from './test-pause';
import {
  formatVersionManifest,
  readVersionManifest,
  VERSION_MANIFEST_FILE,
} from './version-manifest';
import { type WriteLockOptions, withWriteLock } from './write-lock';

/** The registry's write lock, in its root folder. */
export const LOCK_FILE = '.lock';

export interface FileRegistryOptions {
  /** Clock for `createdAt` and promotion times; injected by tests. */
  readonly now?: () => Date;
  /** The write lock's stale and wait bounds; also the age after which staging is stale. */
  readonly lock?: WriteLockOptions;
}

const DEFAULT_STALE_MS = 10 * 60_000;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * The embedded registry: versions as directories on disk.
 *
 * ```
 * <root>/<model>/<version>/<assets…>, SHA256SUMS, version.json
 * <root>/<model>/production.json     the production pointer (replaced by temp + rename)
 * <root>/<model>/promotions.jsonl    append-only promotion log
 * <root>/.lock                       the write lock (see `withWriteLock`)
 * ```
 * A version directory is assembled in a staging directory `<root>/<model>/.publish-<host>-<pid>-*`
 * and renamed into place, so a version is either complete or absent; a later publish removes the
 * staging directories of interrupted ones. Every write holds the lock.
 */
export class FileRegistry implements ModelRegistry {
  readonly rootDir: string;
  private readonly now: () => Date;
  private readonly lock: WriteLockOptions;

  constructor(rootDir: string, options: FileRegistryOptions = {}) {
    this.rootDir = resolve(rootDir);
    this.now = options.now ?? (() => new Date());
    this.lock = options.lock ?? {};
  }

  /** Holding the lock, first completes a production write an interrupted writer left behind. */
  withWriteLock<T>(model: string, fn: () => Promise<T>): Promise<T> {
    assertModelName(model);
    return withWriteLock(join(this.rootDir, LOCK_FILE), this.lock, async () => {
      await completeProductionWrite(
        productionFiles(this.modelDir(model)),
        await this.production(model),
      );
      return fn();
    });
  }

  private modelDir(model: string): string {
    assertModelName(model);
    return join(this.rootDir, model);
  }

  private versionDir(model: string, version: string): string {
    parseSemver(version);
    return join(this.modelDir(model), version);
  }

  async list(model: string): Promise<ModelVersion[]> {
    const dir = this.modelDir(model);
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    const versions: ModelVersion[] = [];
    for (const version of sortSemverDescending(entries.filter(isSemver))) {
      const manifest = await this.get(model, version);
      if (manifest !== undefined) versions.push(manifest);
    }
    return versions;
  }

  /** The version's manifest; a version folder without a matching `version.json` is corrupt. */
  async get(model: string, version: string): Promise<ModelVersion | undefined> {
    const dir = this.versionDir(model, version);
    const path = join(dir, VERSION_MANIFEST_FILE);
    const manifest = await readVersionManifest(path);
    const tag = versionTag(model, version);
    if (manifest === undefined) {
      const folder = await stat(dir).catch(() => undefined);
      if (folder === undefined) return undefined;
      throw new RegistryCorruptError(`${path} is missing: the folder of ${tag} has no manifest`);
    }
    if (manifest.model !== model || manifest.version !== version) {
      throw new RegistryCorruptError(`${path} describes ${manifest.tag}, not ${tag}`);
    }
    return manifest;
  }

  /** Production, checked against the promotion log and the versions (see `readProduction`). */
  private production(model: string): Promise<CheckedProduction> {
    return readProduction(productionFiles(this.modelDir(model)), model, (version) =>
      this.get(model, version),
    );
  }

  async resolve(model: string, ref: VersionRef): Promise<ModelVersion | undefined> {
    if (ref === 'production') return (await this.production(model)).version;
    if (ref === 'latest') {
      const [latest] = await this.list(model);
      return latest;
    }
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
    const modelDir = this.modelDir(model);
    this.versionDir(model, version);
    assertAssetNames(input.files, versionTag(model, version));
    return this.withWriteLock(model, async () => {
      await removeStaleStaging(modelDir, this.lock.staleMs ?? DEFAULT_STALE_MS);
      const existing = await this.get(model, version);
      if (existing !== undefined) {
        return matchExisting(existing, await hashSources(input.files));
      }
      return this.stageAndPlace(input, modelDir);
    });
  }

  /** Assembles the version in a staging directory and renames it into place. */
  private async stageAndPlace(input: PublishInput, modelDir: string): Promise<ModelVersion> {
    const { model, version } = input;
    const firstCreated = await mkdir(modelDir, { recursive: true });
    let staging: string | undefined;
    try {
      staging = await makeStagingDir(modelDir);
      const assets = await this.copyAssets(input, staging);
      const manifest: ModelVersion = {
        model,
        version,
        tag: versionTag(model, version),
        createdAt: this.now().toISOString(),
        assets,
        lineage: input.lineage,
        metrics: input.metrics,
        ...(input.notes === undefined ? {} : { notes: input.notes }),
      };
      await writeSha256Sums(join(staging, SHA256SUMS_FILE), assets);
      await writeFileAtomic(join(staging, VERSION_MANIFEST_FILE), formatVersionManifest(manifest));
      await pauseAt('registry:publish-staged');
      try {
        await rename(staging, this.versionDir(model, version));
      } catch (error) {
        const code = errorCode(error);
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
        // Published by a writer that did not take the lock: identical content is fine.
        const raced = await this.get(model, version);
        if (raced === undefined) throw error;
        await rm(staging, { recursive: true, force: true });
        return matchExisting(raced, assets);
      }
      return manifest;
    } catch (error) {
      if (staging !== undefined) await rm(staging, { recursive: true, force: true });
      await removeEmptyDirs(modelDir, firstCreated);
      throw error;
    }
  }

  /** Copies the files into `staging` and describes them, sorted by name. */
  private async copyAssets(input: PublishInput, staging: string): Promise<AssetInfo[]> {
    const assets: AssetInfo[] = [];
    for (const file of input.files) {
      const target = join(staging, file.name);
      try {
        await copyFile(file.path, target);
      } catch (cause) {
        throw new AssetReadError(
          `cannot publish ${versionTag(input.model, input.version)}: asset "${file.name}" cannot be read from ${file.path}`,
          { cause },
        );
      }
      const [sha256, info] = await Promise.all([sha256File(target), stat(target)]);
      assets.push({ name: file.name, size: info.size, sha256 });
    }
    return sortByName(assets);
  }

  async download(model: string, version: string, destDir: string): Promise<DownloadedVersion> {
    const manifest = await this.get(model, version);
    if (manifest === undefined) {
      throw new UnknownVersionError(
        `${versionTag(model, version)} is not in the registry at ${this.rootDir}`,
      );
    }
    return downloadVerified(manifest, this.versionDir(model, version), destDir);
  }

  async promote(model: string, version: string, reason?: string): Promise<void> {
    await this.withWriteLock(model, async () => {
      const target = await this.get(model, version);
      if (target === undefined) {
        throw new UnknownVersionError(
          `cannot promote ${versionTag(model, version)}: it is not in the registry at ${this.rootDir}`,
        );
      }
      const current = (await this.production(model)).version;
      if (current?.version === version) return;
      await verifyStoredVersion(target, this.versionDir(model, version));
      await pauseAt('registry:promote');
      await recordProductionEvent(productionFiles(this.modelDir(model)), {
        model,
        action: 'promote',
        version,
        previousVersion: current?.version ?? null,
        ...(reason === undefined ? {} : { reason }),
        at: this.now().toISOString(),
      });
    });
  }

  async rollback(
    model: string,
    reason?: string,
    options: RollbackOptions = {},
  ): Promise<ModelVersion> {
    const to = options.to === undefined ? undefined : stripVersionPrefix(options.to);
    return this.withWriteLock(model, async () => {
      const files = productionFiles(this.modelDir(model));
      const { events } = await this.production(model);
      const { current, target } = rollbackTarget(model, events, to);
      const manifest = await this.get(model, target);
      if (manifest === undefined) {
        throw new RegistryCorruptError(
          `${files.log} records ${versionTag(model, target)} as an earlier production version, but it is not in the registry`,
        );
      }
      await verifyStoredVersion(manifest, this.versionDir(model, target));
      await recordProductionEvent(files, {
        model,
        action: 'rollback',
        version: target,
        previousVersion: current,
        ...(reason === undefined ? {} : { reason }),
        at: this.now().toISOString(),
      });
      return manifest;
    });
  }

  async history(model: string): Promise<PromotionEvent[]> {
    return readPromotionLog(productionFiles(this.modelDir(model)).log);
  }
}
