import { describe, expect, it } from 'vitest';
import {
  getInputs,
  INPUT_PR_NUMBER,
  INPUT_REPORT_PATH,
  INPUT_SHA,
  INPUT_TOKEN,
} from '../src/inputs';

const SHA = 'c'.repeat(40);
const valid = {
  [INPUT_TOKEN]: 't',
  [INPUT_REPORT_PATH]: 'reports',
  [INPUT_PR_NUMBER]: '7',
  [INPUT_SHA]: SHA,
};
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('getInputs of report', () => {
  it('reads every input', () => {
    expect(getInputs(reader(valid))).toEqual({
      token: 't',
      reportPath: 'reports',
      prNumber: 7,
      sha: SHA,
      candidatePath: undefined,
      headRepository: undefined,
      commentAuthor: 'github-actions[bot]',
    });
  });

  it('reads the candidates, the head repository and the comment author', () => {
    const inputs = getInputs(
      reader({
        ...valid,
        'candidate-path': 'candidates',
        'head-repository': 'acme/models',
        'comment-author': 'mlops-app[bot]',
      }),
    );
    expect(inputs).toMatchObject({
      candidatePath: 'candidates',
      headRepository: 'acme/models',
      commentAuthor: 'mlops-app[bot]',
    });
  });

  it('names each missing input', () => {
    for (const name of [INPUT_TOKEN, INPUT_REPORT_PATH, INPUT_SHA]) {
      expect(() => getInputs(reader({ ...valid, [name]: '' }))).toThrow(
        `input "${name}" is required`,
      );
    }
  });

  it('leaves the pull request number undefined when empty (a fork: read from the reports)', () => {
    expect(getInputs(reader({ ...valid, [INPUT_PR_NUMBER]: '' })).prNumber).toBeUndefined();
  });

  it('refuses a pull request number or sha that is not one', () => {
    expect(() => getInputs(reader({ ...valid, [INPUT_PR_NUMBER]: '-1' }))).toThrow(
      /input "pr-number" is "-1"; expected a positive integer/,
    );
    expect(() => getInputs(reader({ ...valid, [INPUT_SHA]: 'HEAD' }))).toThrow(
      /input "sha" is "HEAD"/,
    );
  });
});
