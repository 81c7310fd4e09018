import type { GitHubClient } from './client';
import { ModelCheckError } from './errors';
import type { RepoCoordinates } from './release-assets';

/**
 * What each model's required check `model/<name>` says for one pull request run, so that every
 * check a branch rule requires ends conclusive:
 * - `report`: the model changed and was evaluated: the gates decide;
 * - `missing`: the model changed but no report came (training or evaluation failed): failure;
 * - `unchanged`: the pull request does not touch the model: success.
 */
export type ModelCheckKind = 'report' | 'missing' | 'unchanged';

export interface ModelCheckPlanInput {
  /** The models that get a check: the default branch's and those the pull request adds. */
  readonly models: readonly string[];
  /** Of those, the ones the pull request changes. */
  readonly changed: readonly string[];
  /** The models a report was found for (anything else is ignored). */
  readonly reported: readonly string[];
}

export interface ModelCheckPlan {
  readonly checks: readonly { readonly model: string; readonly kind: ModelCheckKind }[];
  /** Reports for names that are neither on the default branch nor added by the pull request. */
  readonly ignored: readonly string[];
}

/** One check per model, in name order (see {@link ModelCheckKind}). */
export function planModelChecks(input: ModelCheckPlanInput): ModelCheckPlan {
  const models = [...new Set(input.models)].sort();
  const known = new Set(models);
  const changed = new Set(input.changed);
  const reported = new Set(input.reported);
  return {
    checks: models.map((model) => ({
      model,
      kind: reported.has(model) ? 'report' : changed.has(model) ? 'missing' : 'unchanged',
    })),
    ignored: [...reported].filter((model) => !known.has(model)).sort(),
  };
}

/** The paths a pull request changes (both sides of a rename), from GitHub, all pages. */
export async function pullRequestFiles(
  client: GitHubClient,
  where: RepoCoordinates,
  number: number,
): Promise<{ changed: string[]; addedModels: string[] }> {
  let files: { filename: string; previous_filename?: string; status: string }[];
  try {
    files = await client.paginate(client.rest.pulls.listFiles, {
      ...where,
      pull_number: number,
      per_page: 100,
    });
  } catch (cause) {
    throw new ModelCheckError(`cannot list the files of ${where.owner}/${where.repo}#${number}`, {
      cause,
    });
  }
  const changed = files.flatMap((f) =>
    f.previous_filename === undefined ? [f.filename] : [f.filename, f.previous_filename],
  );
  const addedModels = files
    .filter((f) => f.status !== 'removed')
    .map((f) => /^models\/([a-z0-9][a-z0-9-]*)\/model\.yaml$/.exec(f.filename)?.[1])
    .filter((m): m is string => m !== undefined);
  return { changed, addedModels };
}
