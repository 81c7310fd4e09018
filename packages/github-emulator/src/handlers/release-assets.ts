import { paginate } from '../pagination';
import { ApiErrorResponse, DOCS, notFound, validationFailed } from '../payloads/errors';
import {
  browserDownloadUrl,
  releaseAssetPayload,
  sanitizeAssetName,
} from '../payloads/release-asset-payload';
import { timestamp } from '../payloads/urls';
import type { AssetRecord, RepoRecord } from '../state';
import { type Handler, idParam, jsonBody, optionalString, repoOf } from './context';

/** Path of the emulator's stand-in for GitHub's signed asset storage URLs. */
export const ASSET_STORAGE_PREFIX = '/_storage/release-assets/';

function assetById(repo: RepoRecord, id: number): AssetRecord {
  const asset = repo.assets.get(id);
  if (asset === undefined) throw notFound();
  return asset;
}

function wantsOctetStream(accept: string | string[] | undefined): boolean {
  const value = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return value.includes('application/octet-stream');
}

export const listReleaseAssets: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const releaseId = idParam(ctx, 'release_id');
  if (!repo.releases.has(releaseId)) throw notFound();
  const assets = [...repo.assets.values()].filter((a) => a.releaseId === releaseId);
  const page = paginate(
    assets.map((a) => a.payload),
    ctx.url,
  );
  return {
    status: 200,
    body: page.items,
    ...(page.link === undefined ? {} : { headers: { link: page.link } }),
  };
};

/**
 * `POST {uploads}/repos/{owner}/{repo}/releases/{release_id}/assets?name=&label=` with the raw
 * file as body. 422 `already_exists` when the release already has an asset of that name.
 */
export const uploadReleaseAsset: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const release = repo.releases.get(idParam(ctx, 'release_id'));
  if (release === undefined) throw notFound();
  const rawName = ctx.url.searchParams.get('name');
  if (rawName === null || rawName === '') {
    throw validationFailed(
      [{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }],
      DOCS.uploadReleaseAsset,
    );
  }
  const contentType = ctx.headers['content-type'];
  if (contentType === undefined || contentType === '') {
    throw new ApiErrorResponse(422, 'Content-Type header is required', {
      documentationUrl: DOCS.uploadReleaseAsset,
    });
  }
  const name = sanitizeAssetName(rawName);
  const taken = [...repo.assets.values()].some(
    (a) => a.releaseId === release.id && a.payload.name === name,
  );
  if (taken) {
    throw validationFailed(
      [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
      DOCS.uploadReleaseAsset,
    );
  }
  const id = ctx.state.nextId();
  const payload = releaseAssetPayload(ctx.state.urls, repo, release, {
    id,
    name,
    label: ctx.url.searchParams.get('label'),
    contentType,
    bytes: ctx.rawBody,
    createdAt: ctx.state.now(),
    uploader: ctx.actor,
  });
  repo.assets.set(id, { releaseId: release.id, payload, bytes: ctx.rawBody });
  return { status: 201, body: payload };
};

/**
 * JSON metadata, or with `Accept: application/octet-stream` a `302 Found` to the emulator's
 * storage URL that serves the bytes (GitHub redirects to a signed storage URL the same way).
 */
export const getReleaseAsset: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const asset = assetById(repo, idParam(ctx, 'asset_id'));
  if (wantsOctetStream(ctx.headers.accept)) {
    const location = `${ctx.state.urls.storage}${ASSET_STORAGE_PREFIX}${asset.payload.id}?repo=${encodeURIComponent(repo.fullName)}`;
    return { status: 302, headers: { location } };
  }
  return { status: 200, body: asset.payload };
};

export const updateReleaseAsset: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const asset = assetById(repo, idParam(ctx, 'asset_id'));
  const release = repo.releases.get(asset.releaseId);
  if (release === undefined) throw notFound();
  const body = jsonBody(ctx);
  const name = sanitizeAssetName(optionalString(body, 'name') ?? asset.payload.name);
  const clash = [...repo.assets.values()].some(
    (a) => a !== asset && a.releaseId === asset.releaseId && a.payload.name === name,
  );
  if (clash) {
    throw validationFailed([{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
  }
  const payload = {
    ...asset.payload,
    name,
    label: 'label' in body ? (optionalString(body, 'label') ?? null) : asset.payload.label,
    browser_download_url: browserDownloadUrl(ctx.state.urls, repo, release.tag_name, name),
    updated_at: timestamp(ctx.state.now()),
  };
  repo.assets.set(payload.id, { ...asset, payload });
  return { status: 200, body: payload };
};

export const deleteReleaseAsset: Handler = (ctx) => {
  const repo = repoOf(ctx);
  const asset = assetById(repo, idParam(ctx, 'asset_id'));
  repo.assets.delete(asset.payload.id);
  return { status: 204 };
};

/** Counts a download and returns the asset bytes (storage and browser download URLs). */
export function downloadAsset(repo: RepoRecord, asset: AssetRecord): AssetRecord {
  const updated = {
    ...asset,
    payload: { ...asset.payload, download_count: asset.payload.download_count + 1 },
  };
  repo.assets.set(asset.payload.id, updated);
  return updated;
}
