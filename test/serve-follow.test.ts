import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGitHubClient, GitHubReleasesRegistry } from '@repo/github';
import { startEmulator } from '@repo/github-emulator';
import { FileRegistry, type ModelRegistry } from '@repo/registry';
import { startModelServer } from '@repo/serving';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import { cloneTemplate, editFile, projectRoot } from './helpers/template-repo';

const MODEL = 'house-prices';
const BIN = join(projectRoot, 'packages/cli/bin/mlops.js');
const RECORD = {
  sqft_living: 1930,
  sqft_lot: 3540,
  bedrooms: 3,
  bathrooms: 2.25,
  floors: 2,
  year_built: 1955,
  condition: 4,
  lat: 47.61973,
  long: -122.31398,
  distance_to_center_km: 2.03,
  neighborhood: 'Capitol Hill',
  property_type: 'house',
};
const BODY = JSON.stringify({ records: [RECORD, RECORD] });

/** A clone with v1.0.0 of the example model in production (trained by the real pipeline). */
let root: string;
let registry: FileRegistry;
const children: ChildProcess[] = [];

beforeAll(async () => {
  root = cloneTemplate({ epochs: 2 });
  editFile(join(root, `models/${MODEL}/model.yaml`), (text) =>
    text.replace(/tolerance: [\d.]+/, 'tolerance: 100'),
  );
  const run = await runCli(['pipeline'], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
  registry = new FileRegistry(join(root, '.mlops/registry'));
  expect((await registry.resolve(MODEL, 'production'))?.version).toBe('1.0.0');
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  stderr(): string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

/** Starts `mlops serve …` and resolves once it says where it serves (bounded: 60 s). */
async function startServe(args: readonly string[]): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args, '--port', '0'], {
    cwd: root,
    env: { ...process.env, CI: 'true', MLOPS_BACKEND: 'wasm' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for (let waited = 0; waited < 60_000; waited += 50) {
    const url = /serving .* on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
    if (url !== undefined) return { child, url, stderr: () => stderr, exited };
    if (child.exitCode !== null) throw new Error(`mlops serve exited: ${stderr}`);
    await sleep(50);
  }
  throw new Error(`mlops serve did not start: ${stderr}`);
}

async function predictVersion(url: string): Promise<{ status: number; version?: string }> {
  const response = await fetch(`${url}/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
  });
  const body = (await response.json()) as { version?: string };
  return {
    status: response.status,
    ...(body.version === undefined ? {} : { version: body.version }),
  };
}

/** 4 concurrent clients until one is answered by `version`, then 5 more requests each (bounded). */
async function loopUntil(url: string, version: string): Promise<string[]> {
  const failures: string[] = [];
  const deadline = Date.now() + 30_000;
  let seen = false;
  const client = async () => {
    for (let tail = 5; tail > 0; ) {
      if (Date.now() > deadline) throw new Error(`${version} never answered`);
      const answer = await predictVersion(url).catch((error: unknown) => ({
        status: 0,
        version: String(error),
      }));
      if (answer.status !== 200) failures.push(JSON.stringify(answer));
      if (answer.version === version) seen = true;
      if (seen) tail--;
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  return failures;
}

/** Publishes the files of the file registry's 1.0.0 as `version` into `target`, and promotes it. */
async function publishAndPromote(version: string, target: ModelRegistry = registry): Promise<void> {
  const source = await registry.get(MODEL, '1.0.0');
  if (source === undefined) throw new Error('1.0.0 is missing');
  const dir = mkdtempSync(join(tmpdir(), 'serve-follow-'));
  for (const asset of source.assets) {
    copyFileSync(join(registry.rootDir, MODEL, '1.0.0', asset.name), join(dir, asset.name));
  }
  await target.publish({
    model: MODEL,
    version,
    files: source.assets.map((asset) => ({ name: asset.name, path: join(dir, asset.name) })),
    lineage: source.lineage,
    metrics: source.metrics,
  });
  rmSync(dir, { recursive: true, force: true });
  await target.promote(MODEL, version);
}

interface Health {
  version: string;
  reload: { state?: string; lastRefusal?: { version: string; error: string } };
}

async function healthUntil(url: string, done: (health: Health) => boolean): Promise<Health> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(50)) {
    const health = (await (await fetch(`${url}/health`)).json()) as Health;
    if (done(health)) return health;
  }
  throw new Error('/health never showed the expected state');
}

describe('mlops serve --all --follow', () => {
  it('follows production: a promotion, a rollback, and a tampered version it refuses', async () => {
    const server = await startServe(['--all', '--follow', '--interval', '0.15']);
    expect(await predictVersion(server.url)).toEqual({ status: 200, version: '1.0.0' });

    await publishAndPromote('1.1.0');
    expect(await loopUntil(server.url, '1.1.0')).toEqual([]);

    await registry.rollback(MODEL, 'e2e');
    expect(await loopUntil(server.url, '1.0.0')).toEqual([]);

    await publishAndPromote('1.2.0');
    const weights = join(registry.rootDir, MODEL, '1.2.0', 'weights.bin');
    const bytes = readFileSync(weights);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    writeFileSync(weights, bytes);
    const refused = await healthUntil(server.url, (health) => health.reload.state === 'refused');
    expect(refused.version).toBe('1.0.0');
    expect(refused.reload.lastRefusal).toMatchObject({
      version: '1.2.0',
      error: 'ChecksumMismatchError',
    });
    expect(await predictVersion(server.url)).toEqual({ status: 200, version: '1.0.0' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(
      /^mlops_model_reload_failures_total\{model="house-prices",version="1\.2\.0",reason="ChecksumMismatchError"\} 1$/m,
    );
    expect(metrics).toMatch(/^mlops_model_info\{model="house-prices",version="1\.0\.0"\} 1$/m);
    expect(server.stderr()).toContain('production is 1.2.0, but it was refused');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

/** Sends the headers and half of the body of `POST /predict`; `finish` sends the rest. */
function slowPredict(url: string) {
  const bytes = Buffer.from(BODY);
  let answered: (value: { status: number; body: string }) => void = () => {};
  const answer = new Promise<{ status: number; body: string }>((resolve) => {
    answered = resolve;
  });
  const req = request(`${url}/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
  });
  req.on('response', (res) => {
    let body = '';
    res.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk;
    });
    res.on('end', () => answered({ status: res.statusCode ?? 0, body }));
  });
  req.on('error', (error) => answered({ status: 0, body: String(error) }));
  req.write(bytes.subarray(0, 10));
  return { answer, finish: () => req.end(bytes.subarray(10)) };
}

describe('mlops serve on SIGTERM', () => {
  it('stops accepting, finishes the request in flight, flushes the logs and exits 0', async () => {
    const log = join(root, 'predictions.jsonl');
    const access = join(root, 'access.jsonl');
    const server = await startServe([
      MODEL,
      '--version',
      '1.0.0',
      '--log-predictions',
      log,
      '--access-log-file',
      access,
    ]);
    const slow = slowPredict(server.url);
    // The slow request is in flight once /metrics counts two (itself and the slow one).
    for (const deadline = Date.now() + 10_000; ; await sleep(20)) {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      if (/^mlops_http_requests_in_flight 2$/m.test(text)) break;
      if (Date.now() > deadline) throw new Error(`the slow request never arrived: ${text}`);
    }
    server.child.kill('SIGTERM');
    for (const deadline = Date.now() + 10_000; !server.stderr().includes('SIGTERM: stopping'); ) {
      if (Date.now() > deadline) throw new Error(`no SIGTERM handling: ${server.stderr()}`);
      await sleep(20);
    }
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    slow.finish();
    const answer = await slow.answer;
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ model: MODEL, version: '1.0.0' });
    expect(await server.exited).toBe(0);
    const lines = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ model: MODEL, version: '1.0.0', ...RECORD });
    const requests = readFileSync(access, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(requests.at(-1)).toMatchObject({ route: '/predict', status: 200, version: '1.0.0' });
  });
});

describe('a server following production on GitHub Releases', () => {
  it('swaps to the version promoted on GitHub, reading with a read-only token', async () => {
    const gh = await startEmulator();
    const where = { owner: 'acme', repo: 'models' };
    gh.state.addRepo('acme/models', { defaultBranch: 'main' });
    const client = (token: string) =>
      createGitHubClient({ token, baseUrl: gh.apiUrl, retries: 1, throttle: { enabled: false } });
    const writer = new GitHubReleasesRegistry(client('maintainer'), where);
    const readOnly = gh.state.issueToken({ contents: 'read', deployments: 'read' });
    const reader = new GitHubReleasesRegistry(client(readOnly), where);
    await publishAndPromote('1.0.0', writer);
    const cache = mkdtempSync(join(tmpdir(), 'serve-follow-cache-'));
    const serving = await startModelServer({
      registry: reader,
      models: [MODEL],
      cacheDir: cache,
      backend: 'wasm',
      followIntervalMs: 150,
    });
    try {
      expect(await predictVersion(serving.server.url)).toEqual({ status: 200, version: '1.0.0' });
      await publishAndPromote('1.1.0', writer);
      expect(await loopUntil(serving.server.url, '1.1.0')).toEqual([]);
      const uses = gh.state.permissionUses.filter((use) => use.token === readOnly);
      expect(uses.length).toBeGreaterThan(0);
      expect(uses.filter((use) => !use.granted || use.level !== 'read')).toEqual([]);
      expect(gh.state.unknownRoutes).toEqual([]);
    } finally {
      await serving.stop(1000);
      await gh.close();
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
