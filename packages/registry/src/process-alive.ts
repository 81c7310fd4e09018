import { hostname } from 'node:os';

/** This machine's host name, as lock files and staging folders record it. */
export function thisHost(): string {
  return hostname().replace(/[^A-Za-z0-9.]/g, '_');
}

/**
 * Whether a process with this pid runs on this machine (`kill -0`): `EPERM` means it runs as
 * another user, so it counts as alive.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a writer that recorded `host` and `pid` at time `since` is gone: on this machine, when
 * its process is dead; anywhere, when `since` is more than `staleMs` ago.
 */
export function isWriterGone(
  writer: { readonly host: string; readonly pid: number; readonly since: number },
  staleMs: number,
  now: number = Date.now(),
): boolean {
  if (now - writer.since > staleMs) return true;
  return writer.host === thisHost() && !isProcessAlive(writer.pid);
}
