import { changedModels, listModels, workspacePaths } from '@repo/pipeline';
import { changedFiles, GitDiffError, latestReleaseTag } from './changed-files';
import type { Inputs } from './inputs';

/** The action's log (the runner's in the action, an array in a test). */
export interface ChangedModelsLog {
  info(line: string): void;
  warning(line: string): void;
}

/**
 * The models of the repository at `root` that the change touches, sorted: those whose files (or
 * shared files) changed between `inputs.baseSha` and `inputs.headSha`; with `sinceLastRelease`,
 * those changed since their newest release tag (a model without one is changed). Every model
 * counts as changed without a base (a new branch) or when git cannot compare the commits.
 */
export async function findChangedModels(
  root: string,
  inputs: Inputs,
  log: ChangedModelsLog,
): Promise<string[]> {
  const paths = workspacePaths({ root });
  const models = await listModels(paths);
  let changed: string[];
  if (inputs.sinceLastRelease) {
    changed = [];
    for (const model of models) {
      const tag = await latestReleaseTag(paths.root, model);
      if (tag === undefined) {
        log.info(`${model}: no release tag yet: changed`);
        changed.push(model);
        continue;
      }
      const files = await changedFiles(paths.root, tag, inputs.headSha);
      if (changedModels({ changedFiles: files, models: [model] }).length > 0) changed.push(model);
      log.info(`${model}: ${files.length} changed file(s) since ${tag}`);
    }
  } else if (inputs.baseSha === undefined) {
    log.info('no base commit (a new branch): every model counts as changed');
    changed = models;
  } else {
    try {
      const files = await changedFiles(paths.root, inputs.baseSha, inputs.headSha);
      log.info(`${files.length} changed file(s) between ${inputs.baseSha} and ${inputs.headSha}`);
      changed = changedModels({ changedFiles: files, models });
    } catch (error) {
      if (!(error instanceof GitDiffError)) throw error;
      log.warning(
        `${error.message}; every model counts as changed (check out with fetch-depth: 0 to compare)`,
      );
      changed = models;
    }
  }
  const sorted = [...changed].sort();
  log.info(sorted.length === 0 ? 'no model changed' : `changed: ${sorted.join(', ')}`);
  return sorted;
}
