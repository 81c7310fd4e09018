import * as core from '@actions/core';
import { errorMessage, runnerWorkspace } from '@repo/action-common';
import { changedModels, findRepoRoot, listModels, workspacePaths } from '@repo/pipeline';
import { changedFiles, GitDiffError, latestReleaseTag } from './changed-files';
import { getInputs } from './inputs';
import { OUTPUT_ANY, OUTPUT_MATRIX, OUTPUT_MODELS } from './outputs';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const paths = workspacePaths({ root: findRepoRoot(runnerWorkspace()) });
    const models = await listModels(paths);
    let changed: string[];
    if (inputs.sinceLastRelease) {
      changed = [];
      for (const model of models) {
        const tag = await latestReleaseTag(paths.root, model);
        if (tag === undefined) {
          core.info(`${model}: no release tag yet: changed`);
          changed.push(model);
          continue;
        }
        const files = await changedFiles(paths.root, tag, inputs.headSha);
        if (changedModels({ changedFiles: files, models: [model] }).length > 0) changed.push(model);
        core.info(`${model}: ${files.length} changed file(s) since ${tag}`);
      }
    } else if (inputs.baseSha === undefined) {
      core.info('no base commit (a new branch): every model counts as changed');
      changed = models;
    } else {
      try {
        const files = await changedFiles(paths.root, inputs.baseSha, inputs.headSha);
        core.info(
          `${files.length} changed file(s) between ${inputs.baseSha} and ${inputs.headSha}`,
        );
        changed = changedModels({ changedFiles: files, models });
      } catch (error) {
        if (!(error instanceof GitDiffError)) throw error;
        core.warning(
          `${error.message}; every model counts as changed (check out with fetch-depth: 0 to compare)`,
        );
        changed = models;
      }
    }
    const sorted = [...changed].sort();
    core.info(sorted.length === 0 ? 'no model changed' : `changed: ${sorted.join(', ')}`);
    core.setOutput(OUTPUT_MODELS, JSON.stringify(sorted));
    core.setOutput(OUTPUT_MATRIX, JSON.stringify({ model: sorted }));
    core.setOutput(OUTPUT_ANY, sorted.length > 0 ? 'true' : 'false');
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
