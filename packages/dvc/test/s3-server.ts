/// <reference path="./s3rver.d.ts" />
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/**
 * A real S3-compatible server for tests: s3rver on 127.0.0.1, storing under a temp folder.
 * Its one account is `S3RVER` / `S3RVER`. It checks the access key id (unknown ids answer 403
 * InvalidAccessKeyId) but not SigV4 signatures, so a wrong secret key is accepted, and it
 * does not check Content-MD5.
 */
export interface TestS3 {
  readonly endpoint: string;
  readonly port: number;
  close(): Promise<void>;
}

export const S3_KEY = 'S3RVER';

export async function startS3(buckets: readonly string[] = ['bucket']): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, port, close: () => server.close() };
}

/** Credentials in the environment, as the AWS SDK reads them; returns a restore function. */
export function useAwsEnvironment(values: Record<string, string | undefined>): () => void {
  const keys = [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
    'AWS_REGION',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_CONFIG_FILE',
    'AWS_EC2_METADATA_DISABLED',
  ];
  const saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
  const next: Record<string, string | undefined> = {
    // Never fall through to the instance metadata service (network) or the user's ~/.aws.
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_CONFIG_FILE: '/nonexistent/config',
    ...values,
  };
  for (const key of keys) {
    const value = next[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const key of keys) {
      const value = saved[key];
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/**
 * A TCP proxy on 127.0.0.1 in front of `port` that cuts the first connection whose responses
 * pass `cutAfter` bytes (forwarding exactly that many), then passes everything through.
 */
export async function cuttingProxy(
  port: number,
  cutAfter: number,
): Promise<{ endpoint: string; cuts: () => number; close(): Promise<void> }> {
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    let sent = 0;
    upstream.connect(port, '127.0.0.1');
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (cuts > 0 || sent + chunk.length <= cutAfter) {
        sent += chunk.length;
        client.write(chunk);
        return;
      }
      cuts += 1;
      client.end(chunk.subarray(0, cutAfter - sent), () => client.destroy());
      upstream.destroy();
    });
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${proxyPort}`,
    cuts: () => cuts,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Store `bytes` under `key` directly (no Content-MD5): how a test corrupts an object. */
export async function putObject(
  s3: TestS3,
  bucket: string,
  key: string,
  bytes: string | Uint8Array,
): Promise<void> {
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: S3_KEY, secretAccessKey: S3_KEY },
  });
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
  client.destroy();
}
