import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index';
import { clientFor } from './client';

describe('workflow run artifacts', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startEmulator();
    gh.state.addRepo('acme/models');
  });
  afterEach(async () => {
    expect(gh.state.unknownRoutes).toEqual([]);
    expect(gh.state.unimplementedRoutes).toEqual([]);
    await gh.close();
  });

  it('lists artifacts by name, newest first, with the run that made them', async () => {
    const zip = Buffer.from('PK\u0003\u0004 not really a zip');
    gh.state.addArtifact('acme/models', {
      name: 'candidate-a',
      zip,
      runId: 7,
      headSha: 'a'.repeat(40),
    });
    gh.state.addArtifact('acme/models', { name: 'other', zip, runId: 8 });
    const newer = gh.state.addArtifact('acme/models', { name: 'candidate-a', zip, runId: 9 });
    const { data } = await clientFor(gh).rest.actions.listArtifactsForRepo({
      owner: 'acme',
      repo: 'models',
      name: 'candidate-a',
    });
    expect(data.total_count).toBe(2);
    expect(data.artifacts.map((a) => a.workflow_run?.id)).toEqual([9, 7]);
    expect(data.artifacts[0]).toMatchObject({
      id: newer.id,
      size_in_bytes: zip.length,
      expired: false,
    });
    expect(data.artifacts[1]?.workflow_run?.head_sha).toBe('a'.repeat(40));
  });

  it('downloads the zip through the redirect GitHub answers with', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const artifact = gh.state.addArtifact('acme/models', { name: 'x', zip, runId: 1 });
    const response = await clientFor(gh).rest.actions.downloadArtifact({
      owner: 'acme',
      repo: 'models',
      artifact_id: artifact.id,
      archive_format: 'zip',
    });
    expect(Buffer.from(response.data as ArrayBuffer)).toEqual(zip);
  });

  it('answers 410 for an expired artifact and 404 for an unknown one', async () => {
    const expired = gh.state.addArtifact('acme/models', {
      name: 'old',
      zip: Buffer.from('x'),
      runId: 1,
      expired: true,
    });
    const client = clientFor(gh);
    await expect(
      client.rest.actions.downloadArtifact({
        owner: 'acme',
        repo: 'models',
        artifact_id: expired.id,
        archive_format: 'zip',
      }),
    ).rejects.toMatchObject({ status: 410 });
    await expect(
      client.rest.actions.getArtifact({ owner: 'acme', repo: 'models', artifact_id: 999999 }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});
