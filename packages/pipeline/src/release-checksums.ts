import type { ModelRegistry } from '@repo/registry';
import type { DeployTarget } from './deploy-targets';

/**
 * The `sha256sum`-format lines (`<sha256>  <tag>/<asset>`) of every asset of `versions`, as the
 * registry recorded them: the subjects of the build-provenance attestation of a release run.
 * Empty when `versions` is.
 */
export async function releaseChecksums(
  registry: ModelRegistry,
  versions: readonly DeployTarget[],
): Promise<string> {
  const lines: string[] = [];
  for (const { model, version } of versions) {
    const found = await registry.get(model, version);
    if (found === undefined) continue;
    for (const asset of found.assets) lines.push(`${asset.sha256}  ${found.tag}/${asset.name}\n`);
  }
  return lines.join('');
}
