import type { RepoRecord } from '../state';
import type { GitRef } from './schemas';
import type { Urls } from './urls';

/** A ref pointing at a commit (lightweight tags and branches). */
export function gitRefPayload(urls: Urls, repo: RepoRecord, ref: string, sha: string): GitRef {
  const api = `${urls.api}/repos/${repo.fullName}`;
  return {
    ref,
    node_id: `REF_${Buffer.from(`${repo.id}:${ref}`).toString('base64url')}`,
    url: `${api}/git/${ref}`,
    object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
  };
}
