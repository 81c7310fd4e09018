import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../src/errors';
import {
  compareSemver,
  isSemver,
  nextVersion,
  parseSemver,
  sortSemverDescending,
} from '../src/semver';

describe('parseSemver', () => {
  it('splits a version into numeric fields, pre-release and build identifiers', () => {
    expect(parseSemver('1.10.3-rc.2+build.7')).toEqual({
      major: 1,
      minor: 10,
      patch: 3,
      prerelease: ['rc', 2],
      build: ['build', '7'],
    });
  });

  it('rejects strings that are not semantic versions with InvalidVersionError', () => {
    for (const text of ['1.0', 'v1.0.0', '01.0.0', '1.0.0-', 'latest', '']) {
      expect(() => parseSemver(text), text).toThrow(InvalidVersionError);
      expect(isSemver(text)).toBe(false);
    }
  });
});

describe('compareSemver', () => {
  it('compares numeric fields as numbers, so 1.10.0 is newer than 1.9.0', () => {
    expect(compareSemver('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareSemver('1.9.0', '1.10.0')).toBeLessThan(0);
    expect(compareSemver('2.0.0', '10.0.0')).toBeLessThan(0);
  });

  it('orders pre-releases before their release as semver.org specifies', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    for (let i = 1; i < ordered.length; i++) {
      expect(compareSemver(ordered[i - 1] ?? '', ordered[i] ?? '')).toBeLessThan(0);
    }
  });

  it('ignores build metadata', () => {
    expect(compareSemver('1.0.0+a', '1.0.0+b')).toBe(0);
  });
});

describe('sortSemverDescending', () => {
  it('puts the newest version first', () => {
    expect(sortSemverDescending(['1.9.0', '1.10.0', '0.1.0', '1.10.0-rc.1', '2.0.0'])).toEqual([
      '2.0.0',
      '1.10.0',
      '1.10.0-rc.1',
      '1.9.0',
      '0.1.0',
    ]);
  });
});

describe('nextVersion', () => {
  it('starts at 1.0.0 when there is no version yet', () => {
    expect(nextVersion(undefined, 'patch')).toBe('1.0.0');
    expect(nextVersion(undefined, 'major')).toBe('1.0.0');
  });

  it('bumps one field and resets the lower ones', () => {
    expect(nextVersion('1.9.3', 'patch')).toBe('1.9.4');
    expect(nextVersion('1.9.3', 'minor')).toBe('1.10.0');
    expect(nextVersion('1.9.3', 'major')).toBe('2.0.0');
  });

  it('releases a pre-release instead of skipping over it', () => {
    expect(nextVersion('2.0.0-rc.1', 'major')).toBe('2.0.0');
    expect(nextVersion('1.3.0-rc.1', 'minor')).toBe('1.3.0');
    expect(nextVersion('1.3.1-rc.1', 'patch')).toBe('1.3.1');
    expect(nextVersion('1.3.1-rc.1', 'minor')).toBe('1.4.0');
  });

  it('rejects an invalid current version', () => {
    expect(() => nextVersion('one', 'patch')).toThrow(InvalidVersionError);
  });
});
