import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionlint, parseWorkflow, policyFindings } from '@repo/workflow-runner';
import { describe, expect, it } from 'vitest';

const directory = fileURLToPath(new URL('../../.github/workflows/', import.meta.url));
const files = readdirSync(directory).filter((name) => /\.ya?ml$/.test(name));

describe('the workflow files', () => {
  it('are the six the template documents', () => {
    expect(files.sort()).toEqual([
      'ci.yml',
      'deploy.yml',
      'drift.yml',
      'model-pr.yml',
      'model-release.yml',
      'model-report.yml',
    ]);
  });

  it.each(files)('%s has zero actionlint findings', async (name) => {
    const text = readFileSync(join(directory, name), 'utf8');
    expect(await actionlint(text, `.github/workflows/${name}`)).toEqual([]);
  });

  it.each(files)(
    '%s pins every third-party action by commit SHA and gives every job permissions',
    (name) => {
      const text = readFileSync(join(directory, name), 'utf8');
      expect(policyFindings(text, name)).toEqual([]);
      const workflow = parseWorkflow(text, name);
      expect(workflow.permissions, `${name}: workflow-level permissions`).toBeDefined();
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) {
          if (step.uses !== undefined && !step.uses.startsWith('./')) {
            expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
          }
        }
      }
    },
  );

  it('would catch a broken workflow: actionlint really ran', async () => {
    const broken = `on: pull_request
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - uses: actions/checkout@v4
`;
    const lint = await actionlint(broken, 'broken.yml');
    expect(lint.some((finding) => /potentially untrusted/.test(finding.message))).toBe(true);
    expect(policyFindings(broken, 'broken.yml').map((finding) => finding.kind)).toEqual([
      'permissions',
      'pinning',
    ]);
  });

  it('drops only the bundled actionlint’s outdated finding for newer scopes, not a misspelt scope', async () => {
    const workflow = (scope: string) => `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      ${scope}: write
    steps:
      - run: echo hi
`;
    expect(await actionlint(workflow('attestations'), 'a.yml')).toEqual([]);
    const misspelt = await actionlint(workflow('attestation'), 'a.yml');
    expect(misspelt.map((f) => f.message)).toEqual([
      expect.stringMatching(/unknown permission scope "attestation"/),
    ]);
  });

  it('never puts an event-controlled expression inside a run: script', () => {
    for (const name of files) {
      const workflow = parseWorkflow(readFileSync(join(directory, name), 'utf8'), name);
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) {
          expect(step.run ?? '', `${name}: ${step.id ?? step.name ?? step.run}`).not.toMatch(
            /\$\{\{[^}]*(github\.event|head_ref|inputs\.)/,
          );
        }
      }
    }
  });
});
