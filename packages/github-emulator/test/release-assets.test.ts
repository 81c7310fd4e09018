import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index';
import { clientFor } from './client';

let emulator: Emulator;
const owner = 'acme';
const repo = 'models';
/** Bytes that are not valid UTF-8, so any text decoding on the way would corrupt them. */
const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));

beforeEach(async () => {
  emulator = await startEmulator();
  emulator.state.addRepo(`${owner}/${repo}`);
});
afterEach(() => emulator.close());

async function releaseWithAsset() {
  const octokit = clientFor(emulator);
  const release = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'model-v1' });
  const upload = await octokit.rest.repos.uploadReleaseAsset({
    owner,
    repo,
    release_id: release.data.id,
    url: release.data.upload_url,
    name: 'model.onnx',
    label: 'ONNX model',
    data: bytes as unknown as string,
    headers: { 'content-type': 'application/octet-stream' },
  });
  return { octokit, release, upload };
}

describe('release assets', () => {
  it('uploads through the upload_url template on the uploads host', async () => {
    const { upload, release } = await releaseWithAsset();
    expect(upload.status).toBe(201);
    expect(upload.data).toMatchObject({
      name: 'model.onnx',
      label: 'ONNX model',
      state: 'uploaded',
      size: bytes.length,
      content_type: 'application/octet-stream',
      download_count: 0,
      browser_download_url: `${emulator.webUrl}/acme/models/releases/download/model-v1/model.onnx`,
    });
    expect(upload.data.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const recorded = emulator.state.requests.find(
      (r) => r.method === 'POST' && r.host === 'uploads',
    );
    expect(recorded).toMatchObject({
      path: `/repos/acme/models/releases/${release.data.id}/assets`,
      status: 201,
    });
    expect(emulator.state.unknownRoutes).toEqual([]);
  });

  it('round-trips the bytes through the octet-stream download (302 to storage)', async () => {
    const { octokit, upload } = await releaseWithAsset();
    const download = await octokit.rest.repos.getReleaseAsset({
      owner,
      repo,
      asset_id: upload.data.id,
      headers: { accept: 'application/octet-stream' },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(download.data as unknown as ArrayBuffer).equals(bytes)).toBe(true);
    const apiRequest = emulator.state.requests.find(
      (r) => r.path === `/repos/acme/models/releases/assets/${upload.data.id}`,
    );
    expect(apiRequest?.status).toBe(302);
    const meta = await octokit.rest.repos.getReleaseAsset({
      owner,
      repo,
      asset_id: upload.data.id,
    });
    expect(meta.data.download_count).toBe(1);
  });

  it('serves the bytes at browser_download_url', async () => {
    const { upload } = await releaseWithAsset();
    const response = await fetch(upload.data.browser_download_url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('rejects a second asset of the same name with 422 already_exists', async () => {
    const { octokit, release } = await releaseWithAsset();
    const error = await octokit.rest.repos
      .uploadReleaseAsset({
        owner,
        repo,
        release_id: release.data.id,
        url: release.data.upload_url,
        name: 'model.onnx',
        data: 'x',
        headers: { 'content-type': 'text/plain' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
        },
      },
    });
  });

  it('lists assets on the release and in the release payload, then deletes one', async () => {
    const { octokit, release, upload } = await releaseWithAsset();
    const listed = await octokit.rest.repos.listReleaseAssets({
      owner,
      repo,
      release_id: release.data.id,
    });
    expect(listed.data.map((a) => a.id)).toEqual([upload.data.id]);
    const fetched = await octokit.rest.repos.getRelease({
      owner,
      repo,
      release_id: release.data.id,
    });
    expect(fetched.data.assets.map((a) => a.name)).toEqual(['model.onnx']);
    await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: upload.data.id });
    await expect(
      octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: upload.data.id }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('renames files with special characters like GitHub does (upload via baseUrl = uploadsUrl)', async () => {
    const octokit = clientFor(emulator);
    const release = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1' });
    const upload = await octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: release.data.id,
      baseUrl: emulator.uploadsUrl,
      name: 'metrics report (final).json',
      data: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(upload.data.name).toBe('metrics.report..final..json');
  });
});
