/**
 * The S3-compatible test server (s3rver on loopback), its credentials and the cutting TCP
 * proxy, shared with the @repo/dvc unit tests (packages/dvc/test/s3-server.ts).
 */
export {
  cuttingProxy,
  putObject,
  S3_KEY,
  startS3,
  type TestS3,
} from '../../packages/dvc/test/s3-server';

/** Environment for a CLI process that talks to the test server (never to ~/.aws or IMDS). */
export function s3Environment(key = 'S3RVER'): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: key,
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_CONFIG_FILE: '/nonexistent/config',
  };
}
