import { DOCS, notFound, unprocessable } from '../payloads/errors';
import { gitRefPayload } from '../payloads/git-ref-payload';
import type { GitTag } from '../payloads/schemas';
import { timestamp } from '../payloads/urls';
import { fakeSha } from '../state';
import { type Handler, jsonBody, repoOf, requiredString, stringParam } from './context';

/** `GET /repos/{owner}/{repo}/git/ref/{ref}` with `ref` like `heads/main` or `tags/v1.0.0`. */
export const getRef: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const ref = `refs/${stringParam(ctx, 'ref')}`;
  const sha = repo.refs.get(ref);
  if (sha === undefined) throw notFound(DOCS.getRef);
  return { status: 200, body: gitRefPayload(ctx.state.urls, repo, ref, sha) };
};

/** `POST /repos/{owner}/{repo}/git/refs` `{ ref: "refs/tags/v1", sha }`. */
export const createRef: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const body = jsonBody(ctx);
  const ref = requiredString(body, 'ref');
  const sha = requiredString(body, 'sha');
  if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
    throw unprocessable(
      `${ref} is not a valid ref name. Reference name must start with 'refs/' and have at least two slashes.`,
      DOCS.createRef,
    );
  }
  if (!/^[0-9a-f]{40}$/.test(sha)) throw unprocessable('Object does not exist', DOCS.createRef);
  if (repo.refs.has(ref)) throw unprocessable('Reference already exists', DOCS.createRef);
  repo.refs.set(ref, sha);
  const payload = gitRefPayload(ctx.state.urls, repo, ref, sha);
  return { status: 201, body: payload, headers: { location: payload.url } };
};

/** `DELETE /repos/{owner}/{repo}/git/refs/{ref}`: 204, or 422 "Reference does not exist". */
export const deleteRef: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const ref = `refs/${stringParam(ctx, 'ref')}`;
  if (!repo.refs.delete(ref)) throw unprocessable('Reference does not exist', DOCS.getRef);
  return { status: 204 };
};

/**
 * `POST /repos/{owner}/{repo}/git/tags` `{ tag, message, object, type }`: an annotated tag object
 * (its ref is created separately with `POST /git/refs`, as on GitHub).
 */
export const createTag: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const body = jsonBody(ctx);
  const tag = requiredString(body, 'tag');
  const message = requiredString(body, 'message');
  const object = requiredString(body, 'object');
  const type = requiredString(body, 'type');
  if (!/^[0-9a-f]{40}$/.test(object) || type !== 'commit') {
    throw unprocessable('Object does not exist', DOCS.createRef);
  }
  const sha = fakeSha(`tag ${tag}\n${object}\n${message}\n${ctx.state.nextId()}`);
  const api = `${ctx.state.urls.api}/repos/${repo.fullName}`;
  const payload: GitTag = {
    node_id: `TAG_${Buffer.from(sha).toString('base64url')}`,
    tag,
    sha,
    url: `${api}/git/tags/${sha}`,
    message,
    tagger: {
      date: timestamp(ctx.state.now()),
      name: ctx.actor.login,
      email: `${ctx.actor.id}+${ctx.actor.login}@users.noreply.github.com`,
    },
    object: { sha: object, type, url: `${api}/git/commits/${object}` },
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
  repo.tagObjects.set(sha, payload);
  return { status: 201, body: payload, headers: { location: payload.url } };
};

/** `GET /repos/{owner}/{repo}/git/tags/{tag_sha}`. */
export const getTag: Handler = (ctx) => {
  const tag = repoOf(ctx).tagObjects.get(stringParam(ctx, 'tag_sha'));
  if (tag === undefined) throw notFound();
  return { status: 200, body: tag };
};
