import type { RepoRecord } from '../state';
import type { GitRef } from './schemas';
import type { Urls } from './urls';

/** A ref: at a commit (branches, lightweight tags) or at an annotated tag object. */
export function gitRefPayload(urls: Urls, repo: RepoRecord, ref: string, sha: string): GitRef {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const isTag = repo.tagObjects.has(sha);
  return {
    ref,
    node_id: `REF_${Buffer.from(`${repo.id}:${ref}`).toString('base64url')}`,
    url: `${api}/git/${ref}`,
    object: isTag
      ? { type: 'tag', sha, url: `${api}/git/tags/${sha}` }
      : { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
  };
}
