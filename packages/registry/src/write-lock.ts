import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RegistryLockedError } from './errors';
import { isWriterGone, thisHost } from './process-alive';
import { removeEmptyDirs } from './remove-empty-dirs';

/** How long a lock is honoured, and how long to wait for one. */
export interface WriteLockOptions {
  /** A lock older than this is stale whoever holds it (default 10 minutes). */
  readonly staleMs?: number;
  /** Give up with `RegistryLockedError` after waiting this long (default 11 minutes). */
  readonly timeoutMs?: number;
  /** Pause between attempts (default 50 ms). */
  readonly pollMs?: number;
}

/** What a lock file holds: who took it, where, when. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** ISO 8601 time the lock was taken. */
  readonly acquiredAt: string;
}

const DEFAULT_STALE_MS = 10 * 60_000;
const DEFAULT_TIMEOUT_MS = 11 * 60_000;
/** A lock breaker that left its guard file behind (it died while breaking) is ignored after this. */
const BREAK_GUARD_STALE_MS = 10_000;

/** The lock files held by the current async call chain, so a holder can nest sections. */
const held = new AsyncLocalStorage<ReadonlySet<string>>();

/**
 * Runs `fn` holding the lock file `path`, created with `open(path, 'wx')` and holding
 * `{ pid, hostname, acquiredAt }`. Waits while another live writer holds it; a lock is stale, and
 * removed, when its process is dead (same host) or it is older than `staleMs`. Re-entrant within
 * one async call chain; two chains of one process exclude each other like two processes do.
 */
export async function withWriteLock<T>(
  path: string,
  options: WriteLockOptions,
  fn: () => Promise<T>,
): Promise<T> {
  const mine = held.getStore();
  if (mine?.has(path)) return fn();
  const release = await acquire(path, options);
  try {
    return await held.run(new Set([...(mine ?? []), path]), fn);
  } finally {
    await release();
  }
}

async function acquire(path: string, options: WriteLockOptions): Promise<() => Promise<void>> {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: thisHost(),
    acquiredAt: new Date().toISOString(),
  };
  const content = `${JSON.stringify(owner)}\n`;
  const dir = dirname(path);
  const firstCreated = await mkdir(dir, { recursive: true });
  for (;;) {
    if (await tryCreate(path, content)) {
      return async () => {
        await removeIfOurs(path, content);
        await removeEmptyDirs(dir, firstCreated);
      };
    }
    const holder = await readHolder(path);
    if (holder !== undefined && isWriterGone(holder, staleMs)) {
      await breakLock(path, holder.raw);
      continue;
    }
    if (Date.now() > deadline) {
      throw new RegistryLockedError(
        `${path} is held by ${holder?.describe ?? 'another writer'}; gave up waiting. Remove it if that process is gone.`,
      );
    }
    await sleep(options.pollMs ?? 50);
  }
}

/** Creates the lock file exclusively; false when it exists (or its folder just went away). */
async function tryCreate(path: string, content: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') {
      await mkdir(dirname(path), { recursive: true });
      return false;
    }
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

interface Holder {
  readonly raw: string;
  readonly host: string;
  readonly pid: number;
  readonly since: number;
  readonly describe: string;
}

/** The lock file's holder; `undefined` when it vanished. A half-written file ages by its mtime. */
async function readHolder(path: string): Promise<Holder | undefined> {
  let raw: string;
  let mtime: number;
  try {
    [raw, mtime] = await Promise.all([readFile(path, 'utf8'), stat(path).then((s) => s.mtimeMs)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let owner: Partial<LockOwner> = {};
  try {
    owner = JSON.parse(raw) as Partial<LockOwner>;
  } catch {
    // Being written right now, or left half-written: only the age rule applies.
  }
  const since = Date.parse(String(owner.acquiredAt));
  return {
    raw,
    host: typeof owner.hostname === 'string' ? owner.hostname : '',
    pid: typeof owner.pid === 'number' ? owner.pid : -1,
    since: Number.isNaN(since) ? mtime : since,
    describe: `pid ${owner.pid ?? '?'} on ${owner.hostname ?? '?'} since ${owner.acquiredAt ?? new Date(mtime).toISOString()}`,
  };
}

/**
 * Removes a stale lock whose content is still `raw`. One breaker at a time (a `.break` guard
 * file made with `wx`), so a breaker never removes a fresh lock another writer just took.
 */
async function breakLock(path: string, raw: string): Promise<void> {
  const guard = `${path}.break`;
  if (!(await tryCreate(guard, `${process.pid}\n`))) {
    const age = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > BREAK_GUARD_STALE_MS) await unlink(guard).catch(() => {});
    await sleep(10);
    return;
  }
  try {
    await removeIfOurs(path, raw);
  } finally {
    await unlink(guard).catch(() => {});
  }
}

/** Deletes `path` if it still holds `content` (a lock that was broken meanwhile is not ours). */
async function removeIfOurs(path: string, content: string): Promise<void> {
  const now = await readFile(path, 'utf8').catch(() => undefined);
  if (now === content) await unlink(path).catch(() => {});
}
