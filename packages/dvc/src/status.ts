import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRelpaths, type DirEntry, hashDirectory, parseDirObject } from './directory-object';
import { readDvcConfig } from './dvc-config';
import { hashFile } from './hash-file';
import { ObjectCache, type ObjectRef } from './object-cache';
import { LEGACY_EXPLANATION } from './pointer-file';
import { openRemote, type Remote } from './remote';
import { loadTrackedOutputs, type TrackedOutput } from './tracked-outputs';
import { fileObjects, listingRef } from './workspace-objects';

export type WorkspaceState = 'clean' | 'modified' | 'missing';
export type ChangeState = 'modified' | 'added' | 'deleted';

export interface StatusChange {
  /** Path relative to the root, `/`-separated. */
  readonly relpath: string;
  readonly state: ChangeState;
}

/** An object by id and the workspace path it belongs to. */
export interface StatusObject {
  readonly md5: string;
  readonly relpath: string;
}

export interface OutputStatus {
  readonly pointer: string;
  readonly relpath: string;
  readonly workspace: WorkspaceState;
  readonly legacy: boolean;
}

export interface StatusReport {
  /** `missing` if any output is absent, else `modified` if anything differs, else `clean`. */
  readonly workspace: WorkspaceState;
  readonly changed: readonly StatusChange[];
  readonly cache: { readonly missing: readonly StatusObject[] };
  /** Null when no remote is configured or `remote: false` was passed. */
  readonly remote: {
    readonly name: string;
    readonly url: string;
    readonly missing: readonly StatusObject[];
  } | null;
  readonly outputs: readonly OutputStatus[];
  /** Legacy DVC 2 pointers, each with why that matters. */
  readonly legacy: readonly { readonly pointer: string; readonly explanation: string }[];
}

export interface StatusOptions {
  readonly root: string;
  readonly pointer?: string;
  /** Remote name (default `core.remote`), or false to skip the remote check. */
  readonly remote?: string | false;
}

async function kindOf(path: string): Promise<'file' | 'dir' | 'none'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'none';
  }
}

/** A listing fetched into a scratch folder only (status never writes to the cache). */
async function peekRemoteListing(remote: Remote, cache: ObjectCache, ref: ObjectRef) {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-status-'));
  try {
    const file = join(dir, 'listing');
    if (!(await remote.download(cache.key(ref), file))) return undefined;
    return parseDirObject(await readFile(file), ref.md5, ref.relpath, remote.url);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function diffEntries(
  base: string,
  expected: readonly DirEntry[],
  actual: readonly DirEntry[],
): StatusChange[] {
  const have = new Map(actual.map((e) => [e.relpath, e.md5]));
  const want = new Map(expected.map((e) => [e.relpath, e.md5]));
  const changes: StatusChange[] = [];
  for (const [relpath, md5] of want) {
    const found = have.get(relpath);
    if (found === undefined) changes.push({ relpath: `${base}/${relpath}`, state: 'deleted' });
    else if (found !== md5) changes.push({ relpath: `${base}/${relpath}`, state: 'modified' });
  }
  for (const relpath of have.keys()) {
    if (!want.has(relpath)) changes.push({ relpath: `${base}/${relpath}`, state: 'added' });
  }
  return changes.sort((a, b) => compareRelpaths(a.relpath, b.relpath));
}

async function workspaceChanges(
  output: TrackedOutput,
  entries: readonly DirEntry[] | undefined,
): Promise<{ state: WorkspaceState; changes: StatusChange[] }> {
  const kind = await kindOf(output.abs);
  const { out } = output;
  if (kind === 'none') {
    const changes: StatusChange[] =
      out.isDir && entries
        ? entries.map((e) => ({ relpath: `${output.relpath}/${e.relpath}`, state: 'deleted' }))
        : [{ relpath: output.relpath, state: 'deleted' }];
    return { state: 'missing', changes };
  }
  if (!out.isDir) {
    const same = kind === 'file' && (await hashFile(output.abs, out.algorithm)).md5 === out.md5;
    return same
      ? { state: 'clean', changes: [] }
      : { state: 'modified', changes: [{ relpath: output.relpath, state: 'modified' }] };
  }
  if (kind === 'file') {
    return { state: 'modified', changes: [{ relpath: output.relpath, state: 'modified' }] };
  }
  const hashed = await hashDirectory(output.abs, out.algorithm);
  if (hashed.md5 === out.md5) return { state: 'clean', changes: [] };
  const changes = entries
    ? diffEntries(output.relpath, entries, hashed.entries)
    : [{ relpath: output.relpath, state: 'modified' as const }];
  return { state: 'modified', changes };
}

/**
 * What differs between the workspace, the cache and the remote for every tracked output.
 * Read-only: hashes the workspace, checks the cache, asks the remote which objects it has.
 * Legacy (DVC 2) outputs are compared with DVC 2's hashing and listed in `legacy`.
 */
export async function status(options: StatusOptions): Promise<StatusReport> {
  const config = await readDvcConfig(options.root);
  const cache = new ObjectCache(config.cacheDir);
  const remoteName =
    options.remote === false ? undefined : (options.remote ?? config.defaultRemote);
  const remote = remoteName === undefined ? undefined : openRemote(config, remoteName);

  const changed: StatusChange[] = [];
  const cacheMissing: StatusObject[] = [];
  const remoteMissing: StatusObject[] = [];
  const outputs: OutputStatus[] = [];
  const legacy = new Map<string, string>();

  for (const output of await loadTrackedOutputs(config.root, options.pointer)) {
    if (output.pointer.legacy) {
      legacy.set(output.pointerRel, output.pointer.legacyExplanation ?? LEGACY_EXPLANATION);
    }
    const refs: ObjectRef[] = [];
    let entries: DirEntry[] | undefined;
    if (output.out.isDir) {
      const ref = listingRef(output);
      refs.push(ref);
      entries =
        (await cache.readListing(ref).catch(() => undefined)) ??
        (remote ? await peekRemoteListing(remote, cache, ref).catch(() => undefined) : undefined);
      refs.push(...fileObjects(output, entries).map((file) => file.ref));
    } else {
      refs.push(listingRef(output));
    }
    for (const ref of refs) {
      const object = { md5: ref.md5, relpath: ref.relpath };
      if (!(await cache.has(ref))) cacheMissing.push(object);
      if (remote && !(await remote.exists(cache.key(ref)))) remoteMissing.push(object);
    }
    const { state, changes } = await workspaceChanges(output, entries);
    changed.push(...changes);
    outputs.push({
      pointer: output.pointerRel,
      relpath: output.relpath,
      workspace: state,
      legacy: output.out.algorithm === 'md5-dos2unix',
    });
  }

  const workspace: WorkspaceState = outputs.some((o) => o.workspace === 'missing')
    ? 'missing'
    : changed.length > 0
      ? 'modified'
      : 'clean';
  return {
    workspace,
    changed,
    cache: { missing: cacheMissing },
    remote:
      remote && remoteName !== undefined
        ? { name: remoteName, url: remote.url, missing: remoteMissing }
        : null,
    outputs,
    legacy: [...legacy].map(([pointer, explanation]) => ({ pointer, explanation })),
  };
}
