import { type Emulator, startEmulator } from '@repo/github-emulator';
import { VersionExistsError } from '@repo/registry';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubReleasesRegistry } from '../src/index';
import { OWNER, publishInput, REPO, tempFiles, testClient } from './harness';

const where = { owner: OWNER, repo: REPO };

/**
 * GitHub is reported both to refuse a draft release on a tag that already has a release, and to
 * accept the draft and refuse it only when it is published. The emulator plays either; the
 * registry must end with one version and no draft in both.
 */
describe.each([
  ['refused at creation', false],
  ['refused only at publish', true],
])('a second publish of a tag that has a release (%s)', (_name, draftsOnTakenTags) => {
  let gh: Emulator;
  afterEach(async () => {
    expect(gh.state.unknownRoutes).toEqual([]);
    await gh.close();
  });
  const start = async () => {
    gh = await startEmulator({ draftsOnTakenTags });
    gh.state.addRepo(`${OWNER}/${REPO}`, { defaultBranch: 'main' });
    return new GitHubReleasesRegistry(testClient(gh), where);
  };
  const releases = () => [...gh.state.repo(`${OWNER}/${REPO}`).releases.values()];

  it('returns the stored version for the same files, creating no draft', async () => {
    const registry = await start();
    const work = await tempFiles({ 'model.json': '{"w":1}' });
    const first = await registry.publish(publishInput('churn', '1.0.0', work.paths));
    const again = await registry.publish(publishInput('churn', '1.0.0', work.paths));
    expect(again.assets).toEqual(first.assets);
    expect(releases().map((r) => [r.tag_name, r.draft])).toEqual([['churn@v1.0.0', false]]);
    await work.remove();
  });

  it('refuses other files with VersionExistsError, leaving no draft', async () => {
    const registry = await start();
    const a = await tempFiles({ 'model.json': '{"w":1}' });
    const b = await tempFiles({ 'model.json': '{"w":2}' });
    await registry.publish(publishInput('churn', '1.0.0', a.paths));
    await expect(registry.publish(publishInput('churn', '1.0.0', b.paths))).rejects.toBeInstanceOf(
      VersionExistsError,
    );
    expect(releases().filter((r) => r.draft)).toEqual([]);
    await a.remove();
    await b.remove();
  });

  it('ends two concurrent publishes of the same version with one release and no draft', async () => {
    const registry = await start();
    const work = await tempFiles({ 'model.json': '{"w":1}' });
    // The first publish is held at un-drafting while the second one runs.
    gh.faults.delay({ method: 'PATCH', path: /\/releases\/\d+$/, ms: 400, times: 1 });
    const results = await Promise.allSettled([
      registry.publish(publishInput('churn', '1.0.0', work.paths)),
      new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
        new GitHubReleasesRegistry(testClient(gh), where).publish(
          publishInput('churn', '1.0.0', work.paths),
        ),
      ),
    ]);
    const published = releases().filter((r) => !r.draft);
    expect(published.map((r) => r.tag_name)).toEqual(['churn@v1.0.0']);
    expect(releases().filter((r) => r.draft)).toEqual([]);
    // Both calls end with the one version (or, refused at creation, a clear refusal).
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(VersionExistsError);
    }
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    await work.remove();
  });
});
