import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '@repo/action-common';
import type { GitHubConnection } from '@repo/action-common/github';
import { finishDeployment, startDeployment } from '@repo/github';
import { versionTag } from '@repo/registry';
import { smokeTest } from '@repo/serving';
import type { Inputs } from './inputs';

/** The action's log (the runner's in the action, an array in a test). */
export interface DeployLog {
  info(line: string): void;
}

/** What `deployRelease` reports as it goes, so that the outputs are set even on a failure. */
export interface DeployProgress {
  tag(tag: string): void;
  deploymentId(id: number): void;
}

export interface DeployOutcome {
  readonly tag: string;
  readonly deploymentId: number;
  readonly prediction: number;
}

export interface DeployOptions {
  /** Where the release is downloaded to (a temporary folder under it, removed afterwards). */
  readonly tempDir?: string | undefined;
  readonly progress?: DeployProgress | undefined;
}

/**
 * Deploys `inputs.model@inputs.version` to `inputs.environment`: starts a deployment
 * (`in_progress`), smoke-tests the release (download with every sha256 verified, load, one
 * prediction of its profile row) and finishes the deployment with `success`, or with `failure`
 * and the reason, rethrowing the smoke test's error.
 */
export async function deployRelease(
  connection: Pick<GitHubConnection, 'client' | 'github' | 'registry' | 'where'>,
  inputs: Inputs,
  log: DeployLog,
  options: DeployOptions = {},
): Promise<DeployOutcome> {
  const { client, github, registry, where } = connection;
  const tag = versionTag(inputs.model, inputs.version);
  options.progress?.tag(tag);
  const logUrl = github.runUrl === undefined ? {} : { logUrl: github.runUrl };

  const { id } = await startDeployment(client, {
    ...where,
    model: inputs.model,
    version: inputs.version,
    environment: inputs.environment,
    ...logUrl,
  });
  options.progress?.deploymentId(id);
  log.info(`deployment ${id} of ${tag} to ${inputs.environment}: in progress`);

  const cacheDir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'mlops-deploy-'));
  try {
    const { prediction } = await smokeTest(registry, inputs.model, inputs.version, {
      cacheDir,
      backend: inputs.backend,
    });
    log.info(`${tag}: smoke prediction ${prediction}`);
    await finishDeployment(client, {
      ...where,
      id,
      state: 'success',
      description: `${tag} deployed; smoke prediction ${prediction.toPrecision(6)}`,
      ...logUrl,
    });
    log.info(`deployment ${id} of ${tag}: success`);
    return { tag, deploymentId: id, prediction };
  } catch (error) {
    await finishDeployment(client, {
      ...where,
      id,
      state: 'failure',
      description: `${tag}: ${errorMessage(error)}`,
      ...logUrl,
    });
    throw error;
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
