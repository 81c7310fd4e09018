import { createHash } from 'node:crypto';
import type { DiffEntry } from './schemas';
import type { Urls } from './urls';

/** A changed file of a seeded pull request. */
export interface ChangedFile {
  filename: string;
  status?: DiffEntry['status'];
  additions?: number;
  deletions?: number;
  patch?: string;
}

/** `GET /pulls/{n}/files` entry: blob/raw/contents URLs at the head sha, `changes` = + and -. */
export function diffEntry(
  urls: Urls,
  fullName: string,
  headSha: string,
  file: ChangedFile,
): DiffEntry {
  const additions = file.additions ?? 0;
  const deletions = file.deletions ?? 0;
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: createHash('sha1').update(`${headSha}:${file.filename}`).digest('hex'),
    filename: file.filename,
    status: file.status ?? 'modified',
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${urls.web}/${fullName}/blob/${headSha}/${path}`,
    raw_url: `${urls.web}/${fullName}/raw/${headSha}/${path}`,
    contents_url: `${urls.api}/repos/${fullName}/contents/${path}?ref=${headSha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
  };
}
