import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';
import { cuttingProxy, putObject, s3Environment, startS3, type TestS3 } from './helpers/s3-server';
import { cloneTemplate } from './helpers/template-repo';

const CSV = 'data/house-sales/sales.csv';

let server: TestS3;
const cleanups: (() => Promise<void>)[] = [];
beforeEach(async () => {
  server = await startS3(['bucket']);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await server.close();
});

/** Point the clone's default remote at `s3://<bucket>/house-sales` on `endpoint`, as docs/data-remotes.md says. */
function useBucket(root: string, options: { endpoint?: string; bucket?: string } = {}): void {
  writeFileSync(
    join(root, '.dvc/config'),
    [
      '[core]',
      '    remote = s3',
      '[\'remote "storage"\']',
      '    url = storage',
      '[\'remote "s3"\']',
      `    url = s3://${options.bucket ?? 'bucket'}/house-sales`,
      `    endpointurl = ${options.endpoint ?? server.endpoint}`,
      '',
    ].join('\n'),
  );
}

/** A clone that pulled the example data from the committed remote and pushed it to the bucket. */
async function pushedClone(): Promise<string> {
  const root = cloneTemplate();
  expect((await runCli(['data', 'pull'], { cwd: root })).code).toBe(0);
  useBucket(root);
  const pushed = await runCli(['data', 'push'], { cwd: root, env: s3Environment() });
  expect(pushed.code, pushed.stderr).toBe(0);
  expect(pushed.stdout).toContain('uploaded 2 objects');
  return root;
}

/** A second clone that only knows the bucket (the committed remote is removed). */
function bucketOnlyClone(options: { endpoint?: string; bucket?: string } = {}): string {
  const root = cloneTemplate();
  rmSync(join(root, '.dvc/storage'), { recursive: true });
  useBucket(root, options);
  return root;
}

/** The key of the CSV's object, from the committed local remote's layout. */
function csvObjectKey(root: string): string {
  const objects = join(root, '.dvc/storage/files/md5');
  for (const prefix of readdirSync(objects)) {
    const [rest] = readdirSync(join(objects, prefix));
    if (rest !== undefined && !rest.endsWith('.dir')) return `files/md5/${prefix}/${rest}`;
  }
  throw new Error('no file object in .dvc/storage');
}

const noTempFiles = (root: string) =>
  readdirSync(join(root, '.dvc'), { recursive: true, encoding: 'utf8' }).filter((p) =>
    p.endsWith('.tmp'),
  );

describe('an S3 bucket as the DVC remote', () => {
  it('pushes the example data from one clone and pulls it into another, verified', async () => {
    const first = await pushedClone();
    const status = await runCli(['data', 'status'], { cwd: first, env: s3Environment() });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('remote s3: has every object');
    const second = bucketOnlyClone();
    const pulled = await runCli(['data', 'pull'], { cwd: second, env: s3Environment() });
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain('pulled 2 objects');
    expect(readFileSync(join(second, CSV))).toEqual(readFileSync(join(first, CSV)));
  });

  it('refuses an object corrupted in the bucket with exit code 4 and writes no data', async () => {
    const first = await pushedClone();
    const key = csvObjectKey(first);
    await putObject(server, 'bucket', `house-sales/${key}`, 'not the data');
    const second = bucketOnlyClone();
    const run = await runCli(['data', 'pull'], { cwd: second, env: s3Environment() });
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toContain(`s3://bucket/house-sales/${key}`);
    expect(run.stderr).toContain('house-sales/sales.csv');
    expect(existsSync(join(second, 'data'))).toBe(false);
    expect(noTempFiles(second)).toEqual([]);
  });

  it('refuses a wrong access key with exit code 3, saying which credentials to check', async () => {
    await pushedClone();
    const second = bucketOnlyClone();
    const run = await runCli(['data', 'pull'], { cwd: second, env: s3Environment('WRONG') });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain('access denied (InvalidAccessKeyId)');
    expect(run.stderr).toContain('AWS_ACCESS_KEY_ID');
    expect(existsSync(join(second, 'data'))).toBe(false);
  });

  it('names a missing bucket with exit code 3', async () => {
    const root = bucketOnlyClone({ bucket: 'absent' });
    const run = await runCli(['data', 'pull'], { cwd: root, env: s3Environment() });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain(`bucket "absent" does not exist at ${server.endpoint}`);
  });

  it('fails a pull whose connection is cut mid-transfer with exit code 3, writes nothing, and succeeds when rerun', async () => {
    await pushedClone();
    const proxy = await cuttingProxy(server.port, 256 * 1024);
    cleanups.push(() => proxy.close());
    const second = bucketOnlyClone({ endpoint: proxy.endpoint });
    const run = await runCli(['data', 'pull'], { cwd: second, env: s3Environment() });
    expect(run.code, run.stderr).toBe(3);
    expect(proxy.cuts()).toBe(1);
    expect(run.stderr).toContain('s3://bucket/house-sales/files/md5/');
    expect(existsSync(join(second, CSV))).toBe(false);
    expect(noTempFiles(second)).toEqual([]);
    const again = await runCli(['data', 'pull'], { cwd: second, env: s3Environment() });
    expect(again.code, again.stderr).toBe(0);
  });
});
