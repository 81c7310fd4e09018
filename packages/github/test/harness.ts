import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '@repo/github-emulator';
import type { Lineage, PublishInput } from '@repo/registry';
import { createGitHubClient, type GitHubClient, type GitHubLog } from '../src/index';

export const OWNER = 'acme';
export const REPO = 'models';

/** A log that records warnings. */
export function recordingLog(): GitHubLog & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    debug: () => {},
    info: () => {},
    warn: (message) => warnings.push(message),
    error: () => {},
  };
}

/** A client for the emulator with fast retries and (when enabled) 1 ms write spacing. */
export function testClient(
  emulator: Emulator,
  options: { log?: GitHubLog; retries?: number; throttle?: boolean } = {},
): GitHubClient {
  return createGitHubClient({
    token: 'test-token',
    baseUrl: emulator.apiUrl,
    log: options.log ?? recordingLog(),
    retries: options.retries ?? 3,
    retryAfterBaseMs: 2,
    throttle: { enabled: options.throttle ?? true, minimumWaitMs: 1 },
  });
}

export async function startWithRepo(): Promise<Emulator> {
  const emulator = await startEmulator();
  emulator.state.addRepo(`${OWNER}/${REPO}`, { defaultBranch: 'main' });
  return emulator;
}

export const lineage: Lineage = {
  dataMd5: 'd41d8cd98f00b204e9800998ecf8427e',
  gitCommit: 'a'.repeat(40),
  configHash: 'c0ffee',
  packages: { '@tensorflow/tfjs-node': '4.22.0' },
  backend: 'cpu',
  seed: 42,
  trainingMs: 1234,
};

/** A temporary directory with the given files; returns it and a remover. */
export async function tempFiles(
  files: Record<string, string | Buffer>,
): Promise<{ dir: string; paths: Record<string, string>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'repo-github-'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    paths[name] = join(dir, name);
    await writeFile(join(dir, name), content);
  }
  return { dir, paths, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A publish input for `model@version` whose files are `files` (name → path). */
export function publishInput(
  model: string,
  version: string,
  files: Record<string, string>,
  extra: Partial<PublishInput> = {},
): PublishInput {
  return {
    model,
    version,
    files: Object.entries(files).map(([name, path]) => ({ name, path })),
    lineage,
    metrics: { rmse: 0.25 },
    ...extra,
  };
}
