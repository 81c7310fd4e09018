import { RegistryCorruptError } from '@repo/registry';
import type { GitHubClient } from './client';

/** The repository a registry lives in. */
export interface RepoCoordinates {
  readonly owner: string;
  readonly repo: string;
}

/** A release as the REST API returns it. */
export type Release = Awaited<ReturnType<GitHubClient['rest']['repos']['getRelease']>>['data'];
export type ReleaseAsset = Release['assets'][number];

/** Uploads `bytes` as asset `name` of `release` (to its `upload_url`). */
export async function uploadReleaseAsset(
  client: GitHubClient,
  where: RepoCoordinates,
  release: Release,
  name: string,
  bytes: Buffer,
  contentType = 'application/octet-stream',
): Promise<ReleaseAsset> {
  const response = await client.rest.repos.uploadReleaseAsset({
    ...where,
    release_id: release.id,
    url: release.upload_url,
    name,
    // octokit types `data` as string; a Buffer is sent as the raw body.
    data: bytes as unknown as string,
    headers: { 'content-type': contentType, 'content-length': bytes.length },
  });
  return response.data;
}

/** The bytes of a release asset (`Accept: application/octet-stream`, following the redirect). */
export async function downloadReleaseAsset(
  client: GitHubClient,
  where: RepoCoordinates,
  asset: ReleaseAsset,
): Promise<Buffer> {
  const response = await client.rest.repos.getReleaseAsset({
    ...where,
    asset_id: asset.id,
    headers: { accept: 'application/octet-stream' },
  });
  const data: unknown = response.data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (typeof data === 'string') return Buffer.from(data);
  throw new RegistryCorruptError(
    `asset "${asset.name}" (id ${asset.id}) did not download as bytes (got ${typeof data})`,
  );
}

/** The asset called `name`; throws `RegistryCorruptError` naming the release when it is missing. */
export function requireAsset(release: Release, name: string): ReleaseAsset {
  const asset = release.assets.find((a) => a.name === name);
  if (asset === undefined) {
    throw new RegistryCorruptError(`release ${release.tag_name} has no asset "${name}"`);
  }
  return asset;
}

/** The text of asset `name` of `release`. */
export async function readTextAsset(
  client: GitHubClient,
  where: RepoCoordinates,
  release: Release,
  name: string,
): Promise<string> {
  return (await downloadReleaseAsset(client, where, requireAsset(release, name))).toString('utf8');
}

/** Whether `error` is an octokit `RequestError` with HTTP `status`. */
export function hasStatus(error: unknown, status: number): boolean {
  return (error as { status?: unknown } | null)?.status === status;
}

/** Whether `error` is GitHub's 422 `already_exists` for `field`. */
export function isAlreadyExists(error: unknown, field: string): boolean {
  if (!hasStatus(error, 422)) return false;
  const errors = (error as { response?: { data?: { errors?: unknown } } }).response?.data?.errors;
  return (
    Array.isArray(errors) &&
    errors.some(
      (e) =>
        (e as { code?: unknown }).code === 'already_exists' &&
        (e as { field?: unknown }).field === field,
    )
  );
}
