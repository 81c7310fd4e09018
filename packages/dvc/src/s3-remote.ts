import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GetObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { DvcRemoteError } from './errors';
import type { ChunkListener, Remote } from './remote';
import { type S3Settings, s3Settings } from './s3-options';
import { tapStream } from './tap-stream';

type S3Sdk = typeof import('@aws-sdk/client-s3');

/** S3 refuses single PUTs above 5 GiB (multipart uploads are not implemented). */
const MAX_PUT_BYTES = 5 * 1024 ** 3;

/** Status code and S3 error code of an SDK failure. */
function describe(error: unknown): { status?: number; code: string; message: string } {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return {
    ...(e.$metadata?.httpStatusCode === undefined ? {} : { status: e.$metadata.httpStatusCode }),
    code: e.name ?? 'Error',
    message: e.message ?? String(error),
  };
}

/** The md5 a DVC 3 key names (`files/md5/ab/cdef…`), which S3 then checks as Content-MD5. */
function contentMd5(key: string): string | undefined {
  const match = /^files\/md5\/([0-9a-f]{2})\/([0-9a-f]{30})(?:\.dir)?$/.exec(key);
  if (match === null) return undefined;
  return Buffer.from(`${match[1]}${match[2]}`, 'hex').toString('base64');
}

/**
 * A DVC remote in an S3 bucket (`s3://bucket/path`) or an S3-compatible server
 * (`endpointurl`), with DVC's layout under the path. Requests go through the AWS SDK v3, which
 * signs them and reads credentials as the AWS tools do (environment, `AWS_PROFILE`, shared
 * files, instance roles) unless the remote's options name a profile or keys. The SDK is loaded
 * on first use. Uploads are single PUTs (atomic on S3) with Content-MD5 for md5 keys;
 * downloads stream into the caller's file, and a short body is an error.
 */
export class S3Remote implements Remote {
  readonly readOnly = false;
  readonly settings: S3Settings;
  #client: Promise<{ sdk: S3Sdk; client: S3Client }> | undefined;
  #bucketChecked: Promise<void> | undefined;

  constructor(
    readonly url: string,
    options: Readonly<Record<string, string>> = {},
    configFile: string = url,
  ) {
    this.settings = s3Settings(url, options, configFile);
  }

  #key(key: string): string {
    return this.settings.prefix === '' ? key : `${this.settings.prefix}/${key}`;
  }

  #where(key: string): string {
    return `s3://${this.settings.bucket}/${this.#key(key)}`;
  }

  #connect(): Promise<{ sdk: S3Sdk; client: S3Client }> {
    this.#client ??= import('@aws-sdk/client-s3').then((sdk) => {
      const { endpoint, region, profile, credentials } = this.settings;
      const client = new sdk.S3Client({
        ...(endpoint === undefined ? {} : { endpoint, forcePathStyle: true }),
        region:
          region ??
          process.env.AWS_REGION ??
          process.env.AWS_DEFAULT_REGION ??
          (endpoint === undefined ? undefined : 'us-east-1'),
        ...(profile === undefined ? {} : { profile }),
        ...(credentials === undefined ? {} : { credentials }),
        // A bucket in another region than the one assumed answers 301: follow it.
        followRegionRedirects: true,
        // S3-compatible servers often lack the SDK's default CRC checksums (aws-chunked bodies).
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
      });
      return { sdk, client };
    });
    return this.#client;
  }

  /** DvcRemoteError for a failed request, saying what to check. */
  #error(operation: string, key: string, error: unknown): DvcRemoteError {
    const { status, code, message } = describe(error);
    const where = this.#where(key);
    if (code === 'NoSuchBucket') return this.#noBucket(error);
    if (status === 403 || /AccessDenied|InvalidAccessKeyId|SignatureDoesNotMatch/.test(code)) {
      return new DvcRemoteError(
        this.url,
        `${operation} ${where}: access denied (${code === 'Unknown' || code === 'UnknownError' ? status : code}); check the credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or the remote's profile or access_key_id in .dvc/config.local`,
        { cause: error },
      );
    }
    if (code === 'CredentialsProviderError') {
      return new DvcRemoteError(
        this.url,
        `${operation} ${where}: no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE): ${message}`,
        { cause: error },
      );
    }
    return new DvcRemoteError(
      this.url,
      `${operation} ${where} failed: ${status === undefined ? '' : `${status} `}${code}: ${message}`,
      { cause: error },
    );
  }

  #noBucket(cause?: unknown): DvcRemoteError {
    const at = this.settings.endpoint === undefined ? '' : ` at ${this.settings.endpoint}`;
    return new DvcRemoteError(this.url, `bucket "${this.settings.bucket}" does not exist${at}`, {
      cause,
    });
  }

  /** HEAD answers 404 without a body for a missing bucket too: tell the two apart once. */
  #checkBucket(): Promise<void> {
    this.#bucketChecked ??= this.#connect().then(async ({ sdk, client }) => {
      try {
        await client.send(new sdk.HeadBucketCommand({ Bucket: this.settings.bucket }));
      } catch (error) {
        throw describe(error).status === 404
          ? this.#noBucket(error)
          : this.#error('HEAD', '', error);
      }
    });
    return this.#bucketChecked;
  }

  async exists(key: string): Promise<boolean> {
    const { sdk, client } = await this.#connect();
    try {
      await client.send(
        new sdk.HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.#key(key) }),
      );
      return true;
    } catch (error) {
      if (describe(error).status !== 404) throw this.#error('HEAD', key, error);
    }
    await this.#checkBucket();
    return false;
  }

  async download(key: string, dest: string, onChunk?: ChunkListener): Promise<boolean> {
    const { sdk, client } = await this.#connect();
    let response: GetObjectCommandOutput;
    try {
      response = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: this.#key(key) }),
      );
    } catch (error) {
      if (describe(error).code === 'NoSuchKey') return false;
      throw this.#error('GET', key, error);
    }
    let received = 0;
    try {
      await pipeline(
        response.Body as Readable,
        tapStream((chunk) => {
          received += chunk.length;
          onChunk?.(chunk);
        }),
        createWriteStream(dest),
      );
    } catch (cause) {
      throw new DvcRemoteError(
        this.url,
        `reading ${this.#where(key)} failed after ${received} bytes: ${(cause as Error).message}`,
        { cause },
      );
    }
    if (response.ContentLength !== undefined && received !== response.ContentLength) {
      throw new DvcRemoteError(
        this.url,
        `reading ${this.#where(key)}: the connection ended after ${received} of ${response.ContentLength} bytes`,
      );
    }
    return true;
  }

  async upload(key: string, src: string, onChunk?: ChunkListener): Promise<void> {
    const { sdk, client } = await this.#connect();
    const size = (await stat(src)).size;
    if (size > MAX_PUT_BYTES) {
      throw new DvcRemoteError(
        this.url,
        `cannot upload ${src} (${size} bytes) to ${this.#where(key)}: objects above 5 GiB need multipart uploads, which are not implemented`,
      );
    }
    const md5 = contentMd5(key);
    try {
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: this.#key(key),
          Body: createReadStream(src, { highWaterMark: 2 ** 20 }).pipe(tapStream(onChunk)),
          ContentLength: size,
          ...(md5 === undefined ? {} : { ContentMD5: md5 }),
        }),
      );
    } catch (error) {
      throw this.#error('PUT', key, error);
    }
  }
}
