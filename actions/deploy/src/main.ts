import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { errorMessage } from '@repo/action-common';
import { connectGitHub } from '@repo/action-common/github';
import { finishDeployment, type GitHubReleasesRegistry, startDeployment } from '@repo/github';
import type { DataProfile } from '@repo/pipeline';
import { versionTag } from '@repo/registry';
import { loadRelease } from '@repo/serving';
import { getInputs } from './inputs';
import { OUTPUT_DEPLOYMENT_ID, OUTPUT_PREDICTION, OUTPUT_TAG } from './outputs';
import { SmokeRecordError, smokeRecord } from './smoke-record';

/** The training-data profile every version carries. */
const PROFILE_FILE = 'profile.json';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const { client, github, registry, where } = connectGitHub(inputs.token);
    const tag = versionTag(inputs.model, inputs.version);
    core.setOutput(OUTPUT_TAG, tag);

    const { id } = await startDeployment(client, {
      ...where,
      model: inputs.model,
      version: inputs.version,
      environment: inputs.environment,
      ...(github.runUrl === undefined ? {} : { logUrl: github.runUrl }),
    });
    core.setOutput(OUTPUT_DEPLOYMENT_ID, String(id));
    core.info(`deployment ${id} of ${tag} to ${inputs.environment}: in progress`);

    const cacheDir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'mlops-deploy-'));
    try {
      const prediction = await smokeTest(
        registry,
        inputs.model,
        inputs.version,
        inputs.backend,
        cacheDir,
      );
      core.info(`${tag}: smoke prediction ${prediction}`);
      core.setOutput(OUTPUT_PREDICTION, String(prediction));
      await finishDeployment(client, {
        ...where,
        id,
        state: 'success',
        description: `${tag} deployed; smoke prediction ${prediction.toPrecision(6)}`,
        ...(github.runUrl === undefined ? {} : { logUrl: github.runUrl }),
      });
      core.info(`deployment ${id} of ${tag}: success`);
    } catch (error) {
      const reason = errorMessage(error);
      await finishDeployment(client, {
        ...where,
        id,
        state: 'failure',
        description: `${tag}: ${reason}`,
        ...(github.runUrl === undefined ? {} : { logUrl: github.runUrl }),
      });
      throw error;
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}

/** Downloads (verifying every sha256) and loads the version, and predicts its profile row. */
async function smokeTest(
  registry: GitHubReleasesRegistry,
  model: string,
  version: string,
  backend: 'auto' | 'tensorflow' | 'wasm' | 'cpu',
  cacheDir: string,
): Promise<number> {
  const loaded = await loadRelease(registry, model, version, { cacheDir, backend });
  try {
    const profilePath = join(loaded.dir, PROFILE_FILE);
    let profile: DataProfile;
    try {
      profile = JSON.parse(await readFile(profilePath, 'utf8')) as DataProfile;
    } catch (cause) {
      throw new SmokeRecordError(`${loaded.tag}: ${PROFILE_FILE} cannot be read`, { cause });
    }
    const record = smokeRecord(profile, loaded.inputSchema, `${loaded.tag}/${PROFILE_FILE}`);
    const [prediction] = loaded.predict([record]).predictions;
    if (prediction === undefined || !Number.isFinite(prediction)) {
      throw new SmokeRecordError(
        `${loaded.tag}: the smoke prediction for ${JSON.stringify(record)} is ${prediction}, not a finite number`,
      );
    }
    return prediction;
  } finally {
    loaded.dispose();
  }
}
