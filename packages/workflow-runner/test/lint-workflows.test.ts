import { describe, expect, it } from 'vitest';
import { actionlint, policyFindings } from '../src/index';

const workflow = (job: string) => `name: t
on: push
permissions: {}
jobs:
${job}`;

describe('actionlint', () => {
  it('reports a missing runs-on, an unknown key and an untrusted expression inside run:', async () => {
    const findings = await actionlint(
      workflow(`  a:
    permissions: {}
    stepz: []
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
`),
      'bad.yml',
    );
    expect(findings.map((finding) => [finding.kind, finding.line])).toEqual([
      ['syntax-check', 5],
      ['syntax-check', 7],
      ['expression', 9],
    ]);
    expect(findings[0]?.message).toMatch(/"runs-on" section is missing/);
    expect(findings[2]?.message).toMatch(/potentially untrusted/);
    expect(findings.every((finding) => finding.file === 'bad.yml')).toBe(true);
  });

  it('finds nothing in a clean workflow', async () => {
    const findings = await actionlint(
      workflow(`  a:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - env:
          TITLE: \${{ github.event.head_commit.message }}
        run: echo "$TITLE"
`),
      'ok.yml',
    );
    expect(findings).toEqual([]);
  });
});

describe('policyFindings', () => {
  it('flags an action pinned by tag and a job without permissions, but not local actions', () => {
    const findings = policyFindings(
      workflow(`  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./actions/train
      - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.1.0
`),
      'w.yml',
    );
    expect(findings.map((finding) => [finding.kind, finding.line])).toEqual([
      ['permissions', 5],
      ['pinning', 8],
    ]);
  });
});
