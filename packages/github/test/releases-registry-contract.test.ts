import type { Emulator } from '@repo/github-emulator';
import { describeRegistryContract } from '@repo/registry/contract';
import { afterAll, beforeAll, expect } from 'vitest';
import { GitHubReleasesRegistry } from '../src/index';
import { OWNER, REPO, startWithRepo, testClient } from './harness';

let gh: Emulator;

beforeAll(async () => {
  gh = await startWithRepo();
});
afterAll(async () => {
  await gh.close();
});

describeRegistryContract('GitHubReleasesRegistry', async () => {
  const repo = gh.state.repo(`${OWNER}/${REPO}`);
  repo.releases.clear();
  repo.assets.clear();
  repo.deployments.clear();
  repo.deploymentStatuses.clear();
  return {
    registry: new GitHubReleasesRegistry(testClient(gh), { owner: OWNER, repo: REPO }),
    tamper: async (model, version, asset) => {
      const release = [...repo.releases.values()].find(
        (r) => r.tag_name === `${model}@v${version}`,
      );
      const [id, record] =
        [...repo.assets.entries()].find(
          ([, a]) => a.payload.name === asset && a.releaseId === release?.id,
        ) ?? [];
      if (id === undefined || record === undefined) throw new Error(`no asset ${asset}`);
      repo.assets.set(id, { ...record, bytes: Buffer.from('tampered') });
    },
    cleanup: async () => {
      expect(gh.state.unknownRoutes).toEqual([]);
    },
  };
});
