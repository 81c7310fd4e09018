import type { RepoRecord } from '../state';
import type { Release } from './schemas';
import { nodeId, timestamp, type Urls } from './urls';
import { type Account, simpleUser } from './user';

export interface NewRelease {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: Date;
  author: Account;
}

/** A release payload without assets (`assets: []`); `upload_url` is the uploads URI template. */
export function releasePayload(urls: Urls, repo: RepoRecord, r: NewRelease): Release {
  const api = `${urls.api}/repos/${repo.fullName}/releases/${r.id}`;
  const created = timestamp(r.createdAt);
  const release: Release = {
    url: api,
    html_url: '',
    assets_url: `${api}/assets`,
    upload_url: `${urls.uploads}/repos/${repo.fullName}/releases/${r.id}/assets{?name,label}`,
    tarball_url: null,
    zipball_url: null,
    id: r.id,
    node_id: nodeId('RE', r.id),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: false,
    created_at: created,
    updated_at: created,
    published_at: r.draft ? null : created,
    author: simpleUser(urls, r.author),
    assets: [],
  };
  return withTagUrls(urls, repo, release);
}

/**
 * Sets the URLs that depend on the tag and draft state: drafts link to `untagged-<id>` and
 * have no tarball/zipball, as on GitHub.
 */
export function withTagUrls(urls: Urls, repo: RepoRecord, release: Release): Release {
  const tag = encodeURIComponent(release.tag_name);
  const api = `${urls.api}/repos/${repo.fullName}`;
  const web = `${urls.web}/${repo.fullName}`;
  if (release.draft) {
    return {
      ...release,
      html_url: `${web}/releases/tag/untagged-${release.id}`,
      tarball_url: null,
      zipball_url: null,
    };
  }
  return {
    ...release,
    html_url: `${web}/releases/tag/${tag}`,
    tarball_url: `${api}/tarball/${tag}`,
    zipball_url: `${api}/zipball/${tag}`,
  };
}
