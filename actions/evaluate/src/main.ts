import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { errorMessage } from '@repo/action-common';
import { connectGitHub } from '@repo/action-common/github';
import { candidateDir, createContext, evaluateModel, findRepoRoot } from '@repo/pipeline';
import { getInputs } from './inputs';
import { OUTPUT_PASSED, OUTPUT_REPORT_PATH } from './outputs';

/** The files of the candidate folder that make up the report artifact. */
const REPORT_FILES = ['report.md', 'evaluation.json', 'metrics.json'] as const;

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const { github, registry } = connectGitHub(inputs.token);
    const root = findRepoRoot(github.workspace);
    const ctx = createContext({
      root,
      registry,
      backend: inputs.backend,
      log: (line) => core.info(line),
      progress: null,
    });
    const summary = await evaluateModel(ctx, inputs.model, {
      ...(github.runUrl === undefined ? {} : { runUrl: github.runUrl }),
    });

    const reportDir = resolve(github.workspace, inputs.reportDir);
    const modelDir = join(reportDir, inputs.model);
    await mkdir(modelDir, { recursive: true });
    const source = candidateDir(ctx.paths, inputs.model);
    for (const name of REPORT_FILES) await copyFile(join(source, name), join(modelDir, name));
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(summary.markdown, true).write();
    }
    core.info(
      `${inputs.model}: ${
        summary.passed
          ? 'all gates passed'
          : `gates failed: ${summary.gates
              .filter((g) => !g.passed)
              .map((g) => g.reason)
              .join('; ')}`
      }; report in ${modelDir}`,
    );
    core.setOutput(OUTPUT_PASSED, summary.passed ? 'true' : 'false');
    core.setOutput(OUTPUT_REPORT_PATH, reportDir);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
