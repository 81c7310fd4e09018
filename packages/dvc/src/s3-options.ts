import { DvcConfigError } from './errors';

/** Where an `s3://bucket/path` remote keeps its objects. */
export interface S3Location {
  readonly bucket: string;
  /** Key prefix without leading or trailing `/` (empty for the bucket root). */
  readonly prefix: string;
}

/**
 * The options of a remote section an S3 remote reads, with DVC's names
 * (https://dvc.org/doc/user-guide/data-management/remote-storage/amazon-s3).
 * Credentials given here override the environment; keep them in `.dvc/config.local`.
 */
export interface S3Settings extends S3Location {
  /** `endpointurl`: an S3-compatible server (MinIO, Ceph, R2…); path-style addressing then. */
  readonly endpoint?: string;
  readonly region?: string;
  /** `profile`: a profile of the AWS shared config and credentials files. */
  readonly profile?: string;
  /** `access_key_id` + `secret_access_key` (+ `session_token`). */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
}

/**
 * DVC options that change what is written or which credentials are used, which this remote does
 * not implement: refused rather than ignored, so nothing is uploaded other than the user asked.
 * (Options that only tune the transfer, like timeouts or `listobjects`, are ignored.)
 */
const UNSUPPORTED = [
  'configpath',
  'credentialpath',
  'sse',
  'sse_kms_key_id',
  'sse_customer_key',
  'sse_customer_algorithm',
  'acl',
  'grant_read',
  'grant_read_acp',
  'grant_write_acp',
  'grant_full_control',
  'version_aware',
  'worktree',
];

/** `s3://bucket/path/` → bucket and prefix; DvcConfigError naming `file` when malformed. */
export function parseS3Url(url: string, file: string): S3Location {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/i.exec(url);
  if (match === null || match[1] === undefined) {
    throw new DvcConfigError(file, `"${url}" is not an S3 URL (expected s3://<bucket>/<path>)`);
  }
  return { bucket: match[1], prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

/** The settings of the remote section `options` (from `file`), with `url` an `s3://` URL. */
export function s3Settings(
  url: string,
  options: Readonly<Record<string, string>>,
  file: string,
): S3Settings {
  const unsupported = UNSUPPORTED.filter((key) => options[key] !== undefined);
  if (unsupported.length > 0) {
    throw new DvcConfigError(
      file,
      `S3 remote ${url}: option${unsupported.length === 1 ? '' : 's'} ${unsupported.join(', ')} not supported here (supported: endpointurl, region, profile, access_key_id, secret_access_key, session_token)`,
    );
  }
  const { access_key_id: keyId, secret_access_key: secret, session_token: token } = options;
  if ((keyId === undefined) !== (secret === undefined)) {
    throw new DvcConfigError(
      file,
      `S3 remote ${url}: access_key_id and secret_access_key must be given together`,
    );
  }
  const endpoint = options.endpointurl;
  if (endpoint !== undefined && !/^https?:\/\/[^/]/i.test(endpoint)) {
    throw new DvcConfigError(
      file,
      `S3 remote ${url}: endpointurl "${endpoint}" is not an http(s) URL`,
    );
  }
  return {
    ...parseS3Url(url, file),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(keyId === undefined || secret === undefined
      ? {}
      : {
          credentials: {
            accessKeyId: keyId,
            secretAccessKey: secret,
            ...(token === undefined ? {} : { sessionToken: token }),
          },
        }),
  };
}
