import { DOCS, notFound, unprocessable } from '../payloads/errors';
import { gitRefPayload } from '../payloads/git-ref-payload';
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
