import type { ModelRegistry } from '@repo/registry';
import type { PromotionSummary } from './promote-step';

/** A version a release run deploys. */
export interface DeployTarget {
  readonly model: string;
  readonly version: string;
}

/**
 * What a release run must deploy after promoting: every version it published, and every version
 * it found bit-identical to a registered one that has never reached production (the release of
 * an earlier run whose deployment did not happen: a re-run finishes it). A version that was
 * production once and was rolled back is not deployed again: only an explicit deployment does.
 */
export async function deployTargets(
  registry: ModelRegistry,
  results: readonly PromotionSummary[],
): Promise<DeployTarget[]> {
  const targets: DeployTarget[] = [];
  for (const result of results) {
    if (result.version === null) continue;
    if (result.status === 'promoted') {
      targets.push({ model: result.model, version: result.version });
      continue;
    }
    if (result.status !== 'unchanged') continue;
    const history = await registry.history(result.model);
    if (!history.some((event) => event.version === result.version)) {
      targets.push({ model: result.model, version: result.version });
    }
  }
  return targets;
}
