import { createHash } from 'node:crypto';
import { RegistryCorruptError } from '@repo/registry';
import type { GitHubClient } from './client';
import { hasStatus, type RepoCoordinates } from './release-assets';

/**
 * A version's `SHA256SUMS` digest recorded outside its release: the release's tag is an
 * annotated tag whose message carries the line `mlops-sha256sums: <sha256 of SHA256SUMS>`. A
 * release whose assets and `SHA256SUMS` were rewritten together no longer matches its tag, and
 * every download checks it (`verifySumsRecord`).
 */
const RECORD_LINE = /^mlops-sha256sums: ([0-9a-f]{64})$/m;

/** The sha256 (hex) of a `SHA256SUMS` file's bytes. */
export function sumsDigest(sums: string | Buffer): string {
  return createHash('sha256').update(sums).digest('hex');
}

/** The 40-hex commit `commitish` names (a sha, else a branch; default: the default branch). */
async function commitOf(
  client: GitHubClient,
  where: RepoCoordinates,
  commitish: string | undefined,
): Promise<string> {
  if (commitish !== undefined && /^[0-9a-f]{40}$/.test(commitish)) return commitish;
  const branch = commitish ?? (await client.rest.repos.get({ ...where })).data.default_branch;
  const { data } = await client.rest.git.getRef({ ...where, ref: `heads/${branch}` });
  return data.object.sha;
}

/**
 * Creates the annotated tag `tag` at `commitish` with the digest of `sums`, before its release
 * is created (the release then uses the tag). A tag left by an earlier run that published
 * nothing is replaced; the caller has checked that no release has the tag.
 */
export async function recordSums(
  client: GitHubClient,
  where: RepoCoordinates,
  input: { readonly tag: string; readonly commitish: string | undefined; readonly sums: string },
): Promise<void> {
  const object = await commitOf(client, where, input.commitish);
  const { data } = await client.rest.git.createTag({
    ...where,
    tag: input.tag,
    message: `${input.tag}\n\nmlops-sha256sums: ${sumsDigest(input.sums)}\n`,
    object,
    type: 'commit',
  });
  const ref = `refs/tags/${input.tag}`;
  try {
    await client.rest.git.createRef({ ...where, ref, sha: data.sha });
  } catch (error) {
    if (!hasStatus(error, 422)) throw error;
    await client.rest.git.deleteRef({ ...where, ref: `tags/${input.tag}` });
    await client.rest.git.createRef({ ...where, ref, sha: data.sha });
  }
}

/** The digest recorded in `tag`'s annotation; undefined for a lightweight or missing tag. */
export async function readSumsRecord(
  client: GitHubClient,
  where: RepoCoordinates,
  tag: string,
): Promise<string | undefined> {
  let ref: Awaited<ReturnType<GitHubClient['rest']['git']['getRef']>>['data'];
  try {
    ref = (await client.rest.git.getRef({ ...where, ref: `tags/${tag}` })).data;
  } catch (error) {
    if (hasStatus(error, 404)) return undefined;
    throw error;
  }
  if (ref.object.type !== 'tag') return undefined;
  const { data } = await client.rest.git.getTag({ ...where, tag_sha: ref.object.sha });
  return RECORD_LINE.exec(data.message)?.[1];
}

/**
 * Checks a release's `SHA256SUMS` against the digest its tag records: `RegistryCorruptError`
 * naming the tag on a mismatch. A version whose tag records none (published before the record
 * existed, or a lightweight tag) passes: its `SHA256SUMS` is still checked against every asset.
 */
export async function verifySumsRecord(
  client: GitHubClient,
  where: RepoCoordinates,
  tag: string,
  sums: string,
): Promise<'verified' | 'unrecorded'> {
  const recorded = await readSumsRecord(client, where, tag);
  if (recorded === undefined) return 'unrecorded';
  const actual = sumsDigest(sums);
  if (actual !== recorded) {
    throw new RegistryCorruptError(
      `${tag}/SHA256SUMS has sha256 ${actual.slice(0, 12)}, but the tag ${tag} recorded ${recorded.slice(0, 12)} when it was published: the release was rewritten`,
    );
  }
  return 'verified';
}
