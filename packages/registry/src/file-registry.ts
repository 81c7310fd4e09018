import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { assertAssetNames } from './asset-name';
import { writeFileAtomic } from './atomic-write';
import { downloadVerified } from './download-verified';
import {
  AssetReadError,
  InvalidVersionError,
  UnknownVersionError,
  VersionExistsError,
} from './errors';
import { assertModelName } from './model-name';
import type { ModelRegistry, VersionRef } from './model-registry';
import type {
  AssetInfo,
  DownloadedVersion,
  ModelVersion,
  PromotionEvent,
  PublishFile,
  PublishInput,
} from './model-version';
import { versionTag } from './model-version';
import {
  PRODUCTION_POINTER_FILE,
  readProductionPointer,
  writeProductionPointer,
} from './production-pointer';
import {
  appendPromotionEvent,
  PROMOTION_LOG_FILE,
  readPromotionLog,
  rollbackTarget,
} from './promotion-log';
import { removeEmptyDirs } from './remove-empty-dirs';
import { isSemver, parseSemver, sortSemverDescending } from './semver';
import { sha256File } from './sha256-file';
import { SHA256SUMS_FILE, writeSha256Sums } from './sha256-sums';
import {
  formatVersionManifest,
  readVersionManifest,
  VERSION_MANIFEST_FILE,
} from './version-manifest';

export interface FileRegistryOptions {
  /** Clock for `createdAt` and promotion times; injected by tests. */
  readonly now?: () => Date;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function sameAssets(a: readonly AssetInfo[], b: readonly AssetInfo[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(a.map((asset) => [asset.name, asset.sha256]));
  return b.every((asset) => byName.get(asset.name) === asset.sha256);
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The embedded registry: versions as directories on disk.
 *
 * ```
 * <root>/<model>/<version>/<assets…>, SHA256SUMS, version.json
 * <root>/<model>/production.json     the production pointer (replaced by temp + rename)
 * <root>/<model>/promotions.jsonl    append-only promotion log
 * ```
 * A version directory is assembled in a temporary directory inside `<root>/<model>` and
 * renamed into place, so a version is either complete or absent.
 */
export class FileRegistry implements ModelRegistry {
  readonly rootDir: string;
  private readonly now: () => Date;

  constructor(rootDir: string, options: FileRegistryOptions = {}) {
    this.rootDir = resolve(rootDir);
    this.now = options.now ?? (() => new Date());
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
      const manifest = await readVersionManifest(join(dir, version, VERSION_MANIFEST_FILE));
      if (manifest !== undefined) versions.push(manifest);
    }
    return versions;
  }

  async get(model: string, version: string): Promise<ModelVersion | undefined> {
    return readVersionManifest(join(this.versionDir(model, version), VERSION_MANIFEST_FILE));
  }

  async resolve(model: string, ref: VersionRef): Promise<ModelVersion | undefined> {
    if (ref === 'production') {
      const pointer = await readProductionPointer(
        join(this.modelDir(model), PRODUCTION_POINTER_FILE),
      );
      return pointer === undefined ? undefined : this.get(model, pointer.version);
    }
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
    const finalDir = this.versionDir(model, version);
    assertAssetNames(input.files, versionTag(model, version));

    const existing = await this.get(model, version);
    if (existing !== undefined) {
      return this.matchExisting(existing, await this.hashSources(input.files));
    }

    const firstCreated = await mkdir(modelDir, { recursive: true });
    let staging: string | undefined;
    try {
      staging = await mkdtemp(join(modelDir, '.publish-'));
      const assets: AssetInfo[] = [];
      for (const file of input.files) {
        const target = join(staging, file.name);
        try {
          await copyFile(file.path, target);
        } catch (cause) {
          throw new AssetReadError(
            `cannot publish ${versionTag(model, version)}: asset "${file.name}" cannot be read from ${file.path}`,
            { cause },
          );
        }
        const [sha256, info] = await Promise.all([sha256File(target), stat(target)]);
        assets.push({ name: file.name, size: info.size, sha256 });
      }
      assets.sort(byName);
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
      try {
        await rename(staging, finalDir);
      } catch (error) {
        const code = errorCode(error);
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
        // Published concurrently by someone else: identical content is fine.
        const raced = await this.get(model, version);
        if (raced === undefined) throw error;
        await rm(staging, { recursive: true, force: true });
        return this.matchExisting(raced, assets);
      }
      return manifest;
    } catch (error) {
      if (staging !== undefined) await rm(staging, { recursive: true, force: true });
      await removeEmptyDirs(modelDir, firstCreated);
      throw error;
    }
  }

  private async hashSources(files: readonly PublishFile[]): Promise<AssetInfo[]> {
    const assets: AssetInfo[] = [];
    for (const file of files) {
      try {
        const [sha256, info] = await Promise.all([sha256File(file.path), stat(file.path)]);
        assets.push({ name: file.name, size: info.size, sha256 });
      } catch (cause) {
        throw new AssetReadError(`asset "${file.name}" cannot be read from ${file.path}`, {
          cause,
        });
      }
    }
    return assets;
  }

  private matchExisting(existing: ModelVersion, assets: readonly AssetInfo[]): ModelVersion {
    if (sameAssets(existing.assets, assets)) return existing;
    throw new VersionExistsError(
      `${existing.tag} is already published with different files; publish a new version instead`,
    );
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
    const target = await this.get(model, version);
    if (target === undefined) {
      throw new UnknownVersionError(
        `cannot promote ${versionTag(model, version)}: it is not in the registry at ${this.rootDir}`,
      );
    }
    const modelDir = this.modelDir(model);
    const current = await readProductionPointer(join(modelDir, PRODUCTION_POINTER_FILE));
    if (current?.version === version) return;
    await this.record(modelDir, {
      model,
      action: 'promote',
      version,
      previousVersion: current?.version ?? null,
      ...(reason === undefined ? {} : { reason }),
      at: this.now().toISOString(),
    });
  }

  async rollback(model: string, reason?: string): Promise<ModelVersion> {
    const modelDir = this.modelDir(model);
    const { current, previous } = rollbackTarget(
      model,
      await readPromotionLog(join(modelDir, PROMOTION_LOG_FILE)),
    );
    const target = await this.get(model, previous);
    if (target === undefined) {
      throw new UnknownVersionError(
        `cannot roll back "${model}" to ${versionTag(model, previous)}: it is no longer in the registry`,
      );
    }
    await this.record(modelDir, {
      model,
      action: 'rollback',
      version: previous,
      previousVersion: current,
      ...(reason === undefined ? {} : { reason }),
      at: this.now().toISOString(),
    });
    return target;
  }

  /** Appends the event to the log, then moves the pointer. */
  private async record(modelDir: string, event: PromotionEvent): Promise<void> {
    await appendPromotionEvent(join(modelDir, PROMOTION_LOG_FILE), event);
    await writeProductionPointer(join(modelDir, PRODUCTION_POINTER_FILE), {
      model: event.model,
      version: event.version,
      since: event.at,
      ...(event.reason === undefined ? {} : { reason: event.reason }),
    });
  }

  async history(model: string): Promise<PromotionEvent[]> {
    return readPromotionLog(join(this.modelDir(model), PROMOTION_LOG_FILE));
  }
}
