import { describe, expect, it } from 'vitest';
import { bumpFromLabels, pullNumberFromMessage } from '../src/release-label';

describe('bumpFromLabels', () => {
  it('reads release:major, release:minor and release:patch, ignoring other labels', () => {
    expect(bumpFromLabels(['bug', 'release:patch'])).toBe('patch');
    expect(bumpFromLabels(['Release:Minor'])).toBe('minor');
    expect(bumpFromLabels(['release:major'])).toBe('major');
    expect(bumpFromLabels(['release', 'release:huge', 'docs'])).toBeUndefined();
  });

  it('takes the largest bump when several labels are set', () => {
    expect(bumpFromLabels(['release:patch', 'release:major', 'release:minor'])).toBe('major');
    expect(bumpFromLabels(['release:minor', 'release:patch'])).toBe('minor');
  });
});

describe('pullNumberFromMessage', () => {
  it('finds the number of a merge commit and of a squash merge', () => {
    expect(pullNumberFromMessage('Merge pull request #12 from octo/feature\n\nBody')).toBe(12);
    expect(pullNumberFromMessage('Tune the learning rate (#345)\n\n* commit one')).toBe(345);
  });

  it('finds nothing in other messages', () => {
    expect(pullNumberFromMessage('Fix #12 in the docs')).toBeUndefined();
    expect(pullNumberFromMessage('first line\n\nsee (#9)')).toBeUndefined();
  });
});
