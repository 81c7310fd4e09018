import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, fakeSha, startEmulator } from '@repo/github-emulator';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  candidateArtifactName,
  createGitHubClient,
  downloadReviewedCandidate,
  findReviewedCandidate,
  formatCandidateRecord,
  setModelCheck,
} from '../src/index';

const where = { owner: 'acme', repo: 'models' };
const MODEL = 'house-prices';
const INPUTS = 'a'.repeat(64);
const HEAD = fakeSha('pr head');
const MERGE = fakeSha('merge commit');

const zipOf = (weights: string) =>
  Buffer.from(zipSync({ 'weights.bin': Buffer.from(weights), 'training.json': Buffer.from('{}') }));
/** The digest the tests' `digestOf` computes: sha256 of weights.bin. */
const digestOfText = (weights: string) => createHash('sha256').update(weights).digest('hex');
const digestOf = async (dir: string) =>
  createHash('sha256')
    .update(await readFile(join(dir, 'weights.bin')))
    .digest('hex');

describe('the reviewed candidate a merge may ship', () => {
  let gh: Emulator;
  beforeEach(async () => {
    gh = await startEmulator();
    gh.state.addRepo('acme/models');
    gh.state.addRepo('mallory/models', { forkOf: 'acme/models' });
    gh.state.addPullRequest('acme/models', { number: 1, head: { ref: 'wider', sha: HEAD } });
    gh.state.mergePullRequest('acme/models', 1, MERGE);
  });
  afterEach(async () => {
    expect(gh.state.unknownRoutes).toEqual([]);
    expect(gh.state.unimplementedRoutes).toEqual([]);
    await gh.close();
  });
  const client = () =>
    createGitHubClient({ token: 't', baseUrl: gh.apiUrl, throttle: { enabled: false } });

  /** The maintainer's model-pr run on the PR head, its candidate, and the report job's record. */
  const reviewedRun = async (weights = 'reviewed', runId = 10) => {
    gh.state.addWorkflowRun('acme/models', {
      id: runId,
      path: '.github/workflows/model-pr.yml',
      event: 'pull_request',
      headSha: HEAD,
      headBranch: 'wider',
      pullRequests: [{ number: 1, headRef: 'wider', baseRef: 'main' }],
    });
    const artifact = gh.state.addArtifact('acme/models', {
      name: candidateArtifactName(MODEL, INPUTS),
      runId,
      zip: zipOf(weights),
    });
    await setModelCheck(client(), {
      ...where,
      sha: HEAD,
      model: MODEL,
      passed: true,
      title: 'ok',
      summary: 'ok',
      externalId: formatCandidateRecord({ inputHash: INPUTS, digest: digestOfText(weights) }),
    });
    return artifact;
  };
  /** A fork's run uploading a forged candidate under the same name, later than the real one. */
  const forgedForkRun = (runId = 20, headSha = fakeSha('fork head')) => {
    gh.state.addWorkflowRun('acme/models', {
      id: runId,
      path: '.github/workflows/model-pr.yml',
      event: 'pull_request',
      headSha,
      headRepository: 'mallory/models',
    });
    return gh.state.addArtifact('acme/models', {
      name: candidateArtifactName(MODEL, INPUTS),
      runId,
      zip: zipOf('forged'),
    });
  };
  const find = () =>
    findReviewedCandidate(client(), where, { mergeSha: MERGE, model: MODEL, inputHash: INPUTS });

  it('finds the artifact of the merged pull request’s model-pr run and the recorded digest', async () => {
    const artifact = await reviewedRun();
    forgedForkRun();
    const result = await find();
    expect(result).toEqual({
      found: true,
      candidate: {
        pullNumber: 1,
        headSha: HEAD,
        runId: 10,
        artifactId: artifact.id,
        digest: digestOfText('reviewed'),
      },
    });
  });

  it('ignores a fork’s artifact with the right name, even on the pull request’s head commit', async () => {
    // The fork pushed the very same head commit, and its run uploaded a forged candidate.
    forgedForkRun(20, HEAD);
    await setModelCheck(client(), {
      ...where,
      sha: HEAD,
      model: MODEL,
      passed: true,
      title: 'ok',
      summary: 'ok',
      externalId: formatCandidateRecord({ inputHash: INPUTS, digest: digestOfText('reviewed') }),
    });
    const result = await find();
    expect(result.found).toBe(false);
    expect(result.found === false && result.reason).toMatch(/no model-pr run of this repository/);
  });

  it('ignores an artifact another workflow of the repository uploaded under the name', async () => {
    await reviewedRun();
    gh.state.addWorkflowRun('acme/models', {
      id: 30,
      path: '.github/workflows/other.yml',
      event: 'pull_request',
      headSha: HEAD,
    });
    gh.state.addArtifact('acme/models', {
      name: candidateArtifactName(MODEL, INPUTS),
      runId: 30,
      zip: zipOf('other'),
    });
    const result = await find();
    expect(result.found === true && result.candidate.runId).toBe(10);
  });

  it('never ships the candidate of a pull request from a fork', async () => {
    const forkHead = fakeSha('fork pr head');
    gh.state.addPullRequest('acme/models', {
      number: 2,
      head: { ref: 'evil', sha: forkHead },
      headRepo: 'mallory/models',
    });
    const forkMerge = fakeSha('fork merge');
    gh.state.mergePullRequest('acme/models', 2, forkMerge);
    const result = await findReviewedCandidate(client(), where, {
      mergeSha: forkMerge,
      model: MODEL,
      inputHash: INPUTS,
    });
    expect(result).toEqual({
      found: false,
      reason: expect.stringContaining('comes from mallory/models'),
    });
  });

  it('finds nothing without a trusted record, or with a record of other inputs', async () => {
    gh.state.addWorkflowRun('acme/models', {
      id: 10,
      path: '.github/workflows/model-pr.yml',
      event: 'pull_request',
      headSha: HEAD,
    });
    gh.state.addArtifact('acme/models', {
      name: candidateArtifactName(MODEL, INPUTS),
      runId: 10,
      zip: zipOf('x'),
    });
    expect((await find()).found).toBe(false);
    await setModelCheck(client(), {
      ...where,
      sha: HEAD,
      model: MODEL,
      passed: true,
      title: 'ok',
      summary: 'ok',
      externalId: formatCandidateRecord({ inputHash: 'b'.repeat(64), digest: digestOfText('x') }),
    });
    const result = await find();
    expect(result.found === false && result.reason).toMatch(/no trusted record/);
  });

  it('finds nothing for a commit that merged no pull request', async () => {
    await reviewedRun();
    const result = await findReviewedCandidate(client(), where, {
      mergeSha: fakeSha('direct push'),
      model: MODEL,
      inputHash: INPUTS,
    });
    expect(result.found === false && result.reason).toMatch(/not the merge commit/);
  });

  it('downloads the candidate and refuses files whose digest is not the recorded one', async () => {
    await reviewedRun('reviewed');
    const result = await find();
    if (!result.found) throw new Error(result.reason);
    const dir = join(mkdtempSync(join(tmpdir(), 'reviewed-')), 'candidate');
    expect(
      await downloadReviewedCandidate(client(), where, result.candidate, dir, digestOf),
    ).toEqual({ verified: true });
    expect(readFileSync(join(dir, 'weights.bin'), 'utf8')).toBe('reviewed');

    const tampered = { ...result.candidate, digest: digestOfText('something else') };
    const again = join(mkdtempSync(join(tmpdir(), 'reviewed-')), 'candidate');
    const refused = await downloadReviewedCandidate(client(), where, tampered, again, digestOf);
    expect(refused.verified).toBe(false);
    expect(existsSync(again)).toBe(false);
  });
});
