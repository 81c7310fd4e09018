import { createHash } from 'node:crypto';
import type { RepoRecord } from '../state';
import type { Release, ReleaseAsset } from './schemas';
import { nodeId, timestamp, type Urls } from './urls';
import { type Account, simpleUser } from './user';

/**
 * GitHub renames asset files with special characters: every character other than letters,
 * digits, `.`, `-`, `_`, `+` and `@` becomes `.`, and leading/trailing periods are dropped.
 */
export function sanitizeAssetName(name: string): string {
  return name.replace(/[^A-Za-z0-9._+@-]/g, '.').replace(/^\.+|\.+$/g, '');
}

/** Where `browser_download_url` points: `{web}/{owner}/{repo}/releases/download/{tag}/{name}`. */
export function browserDownloadUrl(
  urls: Urls,
  repo: RepoRecord,
  tag: string,
  name: string,
): string {
  return `${urls.web}/${repo.fullName}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(name)}`;
}

export interface NewAsset {
  id: number;
  name: string;
  label: string | null;
  contentType: string;
  bytes: Buffer;
  createdAt: Date;
  uploader: Account;
}

/** An uploaded asset (`state: "uploaded"`, `digest: "sha256:<hex>"`). */
export function releaseAssetPayload(
  urls: Urls,
  repo: RepoRecord,
  release: Release,
  asset: NewAsset,
): ReleaseAsset {
  const created = timestamp(asset.createdAt);
  return {
    url: `${urls.api}/repos/${repo.fullName}/releases/assets/${asset.id}`,
    browser_download_url: browserDownloadUrl(urls, repo, release.tag_name, asset.name),
    id: asset.id,
    node_id: nodeId('RA', asset.id),
    name: asset.name,
    label: asset.label,
    state: 'uploaded',
    content_type: asset.contentType,
    size: asset.bytes.length,
    digest: `sha256:${createHash('sha256').update(asset.bytes).digest('hex')}`,
    download_count: 0,
    created_at: created,
    updated_at: created,
    uploader: simpleUser(urls, asset.uploader),
  };
}
