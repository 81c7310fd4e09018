import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitHubClient, RepoCoordinates } from '@repo/github';
import { PullRequestNumberError } from './errors';

/** What model-pr.yml writes next to the reports: the pull request the run trained for. */
export const PULL_REQUEST_FILE = 'pull-request-number';

async function recordedNumbers(dir: string, depth = 0): Promise<number[]> {
  if (depth > 2 || !existsSync(dir)) return [];
  const found: number[] = [];
  const file = join(dir, PULL_REQUEST_FILE);
  if (existsSync(file)) {
    const text = (await readFile(file, 'utf8')).trim();
    const number = Number(text);
    if (!/^[1-9]\d*$/.test(text)) {
      throw new PullRequestNumberError(
        `${file}: expected a pull request number, found "${text.slice(0, 40)}"`,
      );
    }
    found.push(number);
  }
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory())
      found.push(...(await recordedNumbers(join(dir, entry.name), depth + 1)));
  }
  return found;
}

/**
 * The pull request to comment on when workflow_run names none (a fork's pull request): the number
 * recorded in the report artifact, trusted only if that pull request's head is `sha`, the commit
 * the reports were made from (an artifact from a fork is the fork's to write).
 */
export async function pullRequestFromReports(
  client: GitHubClient,
  where: RepoCoordinates,
  reportDir: string,
  sha: string,
): Promise<number> {
  const numbers = [...new Set(await recordedNumbers(reportDir))];
  if (numbers.length === 0) return openPullRequestOf(client, where, sha, reportDir);
  const [number] = numbers;
  if (number === undefined || numbers.length > 1) {
    throw new PullRequestNumberError(
      `no pull request number given and ${numbers.length === 0 ? 'none' : `several (${numbers.join(', ')})`} recorded in ${reportDir}/**/${PULL_REQUEST_FILE}`,
    );
  }
  const { data } = await client.rest.pulls.get({ ...where, pull_number: number });
  if (data.head.sha !== sha) {
    throw new PullRequestNumberError(
      `the reports name pull request #${number}, whose head is ${data.head.sha}, not ${sha}: not commenting`,
    );
  }
  return number;
}

/**
 * With no report recorded (the run trained nothing): the one open pull request whose head is
 * `sha`, as GitHub lists the pull requests of a commit.
 */
async function openPullRequestOf(
  client: GitHubClient,
  where: RepoCoordinates,
  sha: string,
  reportDir: string,
): Promise<number> {
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({
    ...where,
    commit_sha: sha,
  });
  const open = data.filter((p) => p.state === 'open' && p.head.sha === sha);
  const [pull] = open;
  if (pull === undefined || open.length > 1) {
    throw new PullRequestNumberError(
      `no pull request number given, none recorded in ${reportDir}/**/${PULL_REQUEST_FILE}, and ${open.length === 0 ? 'no open pull request' : `${open.length} open pull requests`} with head ${sha}`,
    );
  }
  return pull.number;
}
