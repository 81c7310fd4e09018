import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readGitHubEnv } from '@repo/action-common';
import { createGitHubClient, GitHubReleasesRegistry } from '@repo/github';
import { type Emulator, startEmulator } from '@repo/github-emulator';
import { createContext, trainModel } from '@repo/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../../test/helpers/template-repo';
import { evaluateCandidate, REPORT_FILES } from '../src/evaluate-candidate';

const MODEL = 'house-prices';
const where = { owner: 'acme', repo: 'models' };

let root: string;
let gh: Emulator;

beforeAll(async () => {
  root = cloneTemplate({ epochs: 1 });
  await trainModel(createContext({ root, backend: 'wasm', progress: null }), MODEL, {});
  gh = await startEmulator();
  gh.state.addRepo('acme/models', { defaultBranch: 'main' });
}, 120_000);
afterAll(async () => {
  expect(gh.state.unknownRoutes).toEqual([]);
  expect(gh.state.unimplementedRoutes).toEqual([]);
  await gh.close();
  rmSync(root, { recursive: true, force: true });
});

describe('evaluateCandidate', () => {
  it('evaluates the trained candidate against an empty registry, copies the report and writes the summary', async () => {
    const client = createGitHubClient({
      token: 't',
      baseUrl: gh.apiUrl,
      throttle: { enabled: false },
    });
    const lines: string[] = [];
    const summaries: string[] = [];
    const outcome = await evaluateCandidate(
      {
        registry: new GitHubReleasesRegistry(client, where),
        github: readGitHubEnv({ GITHUB_REPOSITORY: 'acme/models', GITHUB_WORKSPACE: root }),
      },
      { model: MODEL, token: 't', reportDir: 'mlops-report', backend: 'wasm' },
      {
        info: (line) => lines.push(line),
        summary: async (markdown) => {
          summaries.push(markdown);
        },
      },
    );
    expect(outcome.reportPath).toBe(join(root, 'mlops-report'));
    for (const name of REPORT_FILES) {
      expect(existsSync(join(outcome.reportPath, MODEL, name))).toBe(true);
    }
    const evaluation = JSON.parse(
      readFileSync(join(outcome.reportPath, MODEL, 'evaluation.json'), 'utf8'),
    );
    expect(outcome.passed).toBe(evaluation.passed);
    expect(summaries).toEqual([readFileSync(join(outcome.reportPath, MODEL, 'report.md'), 'utf8')]);
    expect(lines.at(-1)).toMatch(
      outcome.passed ? /all gates passed; report in / : /gates failed: .+; report in /,
    );
  }, 120_000);
});
