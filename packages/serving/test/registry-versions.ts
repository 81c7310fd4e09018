import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileRegistry } from '@repo/registry';

interface VersionId {
  readonly model: string;
  readonly version: string;
}

/**
 * Publishes the files of version `from` again as `to` (same weights; another version, or another
 * model), not promoted. `replace` swaps the content of some files (e.g. a `model.json` that does
 * not load).
 */
export async function publishCopy(
  registry: FileRegistry,
  from: VersionId,
  to: VersionId,
  replace: Readonly<Record<string, string>> = {},
): Promise<void> {
  const source = await registry.get(from.model, from.version);
  if (source === undefined) throw new Error(`${from.model} ${from.version} is not in the registry`);
  const dir = mkdtempSync(join(tmpdir(), 'serving-copy-'));
  try {
    for (const asset of source.assets) {
      const path = join(dir, asset.name);
      copyFileSync(join(registry.rootDir, from.model, from.version, asset.name), path);
      if (replace[asset.name] !== undefined) writeFileSync(path, replace[asset.name] as string);
    }
    await registry.publish({
      ...to,
      files: source.assets.map((asset) => ({ name: asset.name, path: join(dir, asset.name) })),
      lineage: { ...source.lineage, parentVersion: from.version },
      metrics: source.metrics,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Changes one byte of a stored version's `weights.bin` (after it was published and promoted). */
export function tamperWeights(registry: FileRegistry, model: string, version: string): string {
  const path = join(registry.rootDir, model, version, 'weights.bin');
  const bytes = readFileSync(path);
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  writeFileSync(path, bytes);
  return path;
}

/** What a loop of requests saw: failed requests and, per client, the versions that answered. */
export interface LoopResult {
  readonly requests: number;
  readonly failures: string[];
  readonly versions: string[][];
}

/**
 * `clients` concurrent loops of `POST /predict` until one of them is answered by `until`, then
 * `tail` more requests each; throws after `deadlineMs`. Every non-200 answer (or network error)
 * is a failure.
 */
export async function predictLoop(
  url: string,
  body: unknown,
  until: string,
  options: { clients?: number; tail?: number; deadlineMs?: number } = {},
): Promise<LoopResult> {
  const { clients = 4, tail = 10, deadlineMs = 20_000 } = options;
  const deadline = Date.now() + deadlineMs;
  const failures: string[] = [];
  const versions: string[][] = [];
  let seen = false;
  let requests = 0;
  const client = async (log: string[]) => {
    let left = tail;
    while (left > 0) {
      if (Date.now() > deadline) throw new Error(`${until} did not answer within ${deadlineMs} ms`);
      try {
        const response = await fetch(`${url}/predict`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as { version?: string };
        requests++;
        if (response.status !== 200) failures.push(`${response.status} ${JSON.stringify(answer)}`);
        log.push(answer.version ?? '');
        if (answer.version === until) seen = true;
      } catch (error) {
        failures.push(String(error));
      }
      if (seen) left--;
    }
  };
  await Promise.all(
    Array.from({ length: clients }, () => {
      const log: string[] = [];
      versions.push(log);
      return client(log);
    }),
  );
  return { requests, failures, versions };
}
