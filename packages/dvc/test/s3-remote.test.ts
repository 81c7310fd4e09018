import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { add } from '../src/add';
import { objectKey } from '../src/cache-layout';
import { DvcConfigError, DvcObjectCorruptError, DvcRemoteError } from '../src/errors';
import { pull } from '../src/pull';
import { push } from '../src/push';
import { parseS3Url, s3Settings } from '../src/s3-options';
import { status } from '../src/status';
import { FIXTURES, makeRepo, readGolden, removeAll, scratch, snapshot } from './helpers';
import {
  cuttingProxy,
  putObject,
  S3_KEY,
  startS3,
  type TestS3,
  useAwsEnvironment,
} from './s3-server';

let server: TestS3;
let restoreEnv: () => void;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  server = await startS3(['bucket']);
  restoreEnv = useAwsEnvironment({ AWS_ACCESS_KEY_ID: S3_KEY, AWS_SECRET_ACCESS_KEY: S3_KEY });
});
afterEach(async () => {
  restoreEnv();
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await server.close();
});

/** A repo whose default remote is `s3://<bucket>/store` on the test server (or `endpoint`). */
function repoWithS3(options: { bucket?: string; endpoint?: string; extra?: string[] } = {}) {
  return makeRepo(
    [
      '[core]',
      '    remote = s3',
      '[\'remote "s3"\']',
      `    url = s3://${options.bucket ?? 'bucket'}/store`,
      `    endpointurl = ${options.endpoint ?? server.endpoint}`,
      ...(options.extra ?? []),
    ].join('\n'),
  );
}

async function pushedToS3(): Promise<string> {
  const root = await repoWithS3();
  await add({ root, target: 'data' });
  await push({ root });
  return root;
}

describe('S3Remote against an S3-compatible server (s3rver)', () => {
  it('pushes a directory and pulls it into an empty cache and workspace with identical bytes', async () => {
    const root = await pushedToS3();
    await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
    const result = await pull({ root });
    expect(result.downloaded).toBe(7);
    expect(await snapshot(join(root, 'data'))).toEqual(await snapshot(join(FIXTURES, 'dataset')));
  });

  it('reports what the bucket lacks before a push and nothing after', async () => {
    const root = await repoWithS3();
    await add({ root, target: 'data' });
    expect((await status({ root })).remote?.missing).toHaveLength(7);
    await push({ root });
    expect(await push({ root })).toMatchObject({ uploaded: 0, alreadyOnRemote: 7 });
    expect((await status({ root })).remote).toMatchObject({ name: 's3', missing: [] });
  });

  it('refuses an object corrupted in the bucket, naming it, and writes nothing', async () => {
    const golden = await readGolden();
    const root = await pushedToS3();
    const victim = golden.directory.entries.find((e) => e.relpath === 'a.csv');
    if (!victim) throw new Error('fixture has a.csv');
    await putObject(server, 'bucket', `store/${objectKey(victim.md5)}`, 'tampered bytes');
    await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
    const error = await pull({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcObjectCorruptError);
    expect((error as Error).message).toContain(`s3://bucket/store/${objectKey(victim.md5)}`);
    expect((error as Error).message).toContain('data/a.csv');
    await expect(stat(join(root, 'data', 'a.csv'))).rejects.toThrow(/ENOENT/);
    expect(await readdir(join(root, '.dvc', 'cache', 'tmp'))).toEqual([]);
  });

  it('refuses a wrong access key for pull, push and status with DvcRemoteError saying what to check', async () => {
    const root = await pushedToS3();
    await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
    restoreEnv();
    restoreEnv = useAwsEnvironment({ AWS_ACCESS_KEY_ID: 'WRONG', AWS_SECRET_ACCESS_KEY: 'x' });
    for (const run of [() => pull({ root }), () => status({ root }), () => push({ root })]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DvcRemoteError);
      expect((error as Error).message).toMatch(/access denied \((InvalidAccessKeyId|403)\)/);
      expect((error as Error).message).toContain('AWS_ACCESS_KEY_ID');
    }
    await expect(stat(join(root, 'data'))).rejects.toThrow(/ENOENT/);
  });

  it('takes keys from the remote options over the environment, and a profile from the shared files', async () => {
    restoreEnv();
    const dir = await scratch();
    const credentials = join(dir, 'credentials');
    await writeFile(
      credentials,
      `[ci]\naws_access_key_id = ${S3_KEY}\naws_secret_access_key = ${S3_KEY}\n`,
    );
    restoreEnv = useAwsEnvironment({
      AWS_ACCESS_KEY_ID: 'WRONG',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_SHARED_CREDENTIALS_FILE: credentials,
    });
    const keyed = await repoWithS3({
      extra: [`    access_key_id = ${S3_KEY}`, `    secret_access_key = ${S3_KEY}`],
    });
    await add({ root: keyed, target: 'data' });
    await expect(push({ root: keyed })).resolves.toMatchObject({ uploaded: 7 });
    restoreEnv();
    restoreEnv = useAwsEnvironment({ AWS_SHARED_CREDENTIALS_FILE: credentials });
    const profiled = await repoWithS3({ extra: ['    profile = ci'] });
    await add({ root: profiled, target: 'data' });
    await expect(push({ root: profiled })).resolves.toMatchObject({ alreadyOnRemote: 7 });
  });

  it('names a missing bucket for pull, push and status', async () => {
    const root = await repoWithS3({ bucket: 'absent' });
    await add({ root, target: 'data' });
    const fresh = async () => {
      await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
      return pull({ root });
    };
    for (const run of [() => status({ root }), () => push({ root }), fresh]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DvcRemoteError);
      expect((error as Error).message).toContain(
        `bucket "absent" does not exist at ${server.endpoint}`,
      );
    }
  });

  it('fails a download cut mid-transfer with DvcRemoteError, keeps nothing, and succeeds when rerun', async () => {
    const root = await repoWithS3();
    await writeFile(join(root, 'data', 'large.bin'), Buffer.alloc(3 * 1024 ** 2, 7));
    await add({ root, target: 'data' });
    await push({ root });
    await removeAll(join(root, 'data'), join(root, '.dvc', 'cache'));
    const proxy = await cuttingProxy(server.port, 1024 ** 2);
    cleanups.push(() => proxy.close());
    const config = join(root, '.dvc', 'config');
    await writeFile(
      config,
      [
        '[core]',
        '    remote = s3',
        '[\'remote "s3"\']',
        '    url = s3://bucket/store',
        `    endpointurl = ${proxy.endpoint}`,
      ].join('\n'),
    );
    const error = await pull({ root, jobs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcRemoteError);
    expect(proxy.cuts()).toBe(1);
    expect((error as Error).message).toContain('s3://bucket/store/files/md5/');
    await expect(stat(join(root, 'data', 'large.bin'))).rejects.toThrow(/ENOENT/);
    expect(await readdir(join(root, '.dvc', 'cache', 'tmp'))).toEqual([]);
    await expect(pull({ root })).resolves.toMatchObject({ checkedOut: 7 });
  });
});

describe('S3 remote settings', () => {
  it('reads bucket and prefix from the URL and DVC option names from the section', () => {
    expect(parseS3Url('s3://b/some/path/', 'config')).toEqual({ bucket: 'b', prefix: 'some/path' });
    expect(parseS3Url('s3://b', 'config')).toEqual({ bucket: 'b', prefix: '' });
    expect(
      s3Settings(
        's3://b/p',
        { endpointurl: 'http://127.0.0.1:9000', region: 'eu-west-1', profile: 'ci' },
        'config',
      ),
    ).toEqual({
      bucket: 'b',
      prefix: 'p',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      profile: 'ci',
    });
  });

  it('refuses options it does not implement and half a key pair, naming the config file', () => {
    expect(() => s3Settings('s3://b/p', { sse: 'AES256' }, '.dvc/config')).toThrow(DvcConfigError);
    expect(() => s3Settings('s3://b/p', { sse: 'AES256' }, '.dvc/config')).toThrow(
      /\.dvc\/config: .*sse not supported/,
    );
    expect(() => s3Settings('s3://b/p', { access_key_id: 'k' }, '.dvc/config.local')).toThrow(
      /access_key_id and secret_access_key must be given together/,
    );
    expect(() => parseS3Url('s3:///p', 'config')).toThrow(DvcConfigError);
  });
});
