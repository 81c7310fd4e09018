import { InvalidVersionError } from './errors';

/** A parsed semantic version (https://semver.org, 2.0.0). */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Dot-separated pre-release identifiers; numeric ones as numbers. Empty for a release. */
  readonly prerelease: readonly (string | number)[];
  /** Build metadata identifiers; ignored by precedence. */
  readonly build: readonly string[];
}

export type VersionBump = 'major' | 'minor' | 'patch';

// The regular expression recommended by semver.org, without the named groups.
const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Whether `text` is a semantic version (without a leading `v`). */
export function isSemver(text: string): boolean {
  return SEMVER_PATTERN.test(text);
}

/** Parses `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`; throws `InvalidVersionError` otherwise. */
export function parseSemver(text: string): SemVer {
  const match = SEMVER_PATTERN.exec(text);
  if (match === null) {
    throw new InvalidVersionError(
      `"${text}" is not a semantic version (expected MAJOR.MINOR.PATCH, e.g. 1.4.0)`,
    );
  }
  const [, major = '0', minor = '0', patch = '0', prerelease, build] = match;
  return {
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    prerelease:
      prerelease === undefined
        ? []
        : prerelease.split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)),
    build: build === undefined ? [] : build.split('.'),
  };
}

function compareIdentifiers(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  // Numeric identifiers have lower precedence than alphanumeric ones.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Semver precedence: negative when `a` < `b`, 0 when equal, positive when `a` > `b`.
 * Numeric fields compare as numbers (1.10.0 > 1.9.0); a pre-release precedes its release;
 * build metadata is ignored.
 */
export function compareSemver(a: string, b: string): number {
  const left = parseSemver(a);
  const right = parseSemver(b);
  const core =
    Math.sign(left.major - right.major) ||
    Math.sign(left.minor - right.minor) ||
    Math.sign(left.patch - right.patch);
  if (core !== 0) return core;
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return Math.sign(right.prerelease.length - left.prerelease.length);
  }
  const length = Math.max(left.prerelease.length, right.prerelease.length);
  for (let i = 0; i < length; i++) {
    const x = left.prerelease[i];
    const y = right.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifiers(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

/** Sorts versions newest first (a new array). */
export function sortSemverDescending(versions: readonly string[]): string[] {
  return [...versions].sort((a, b) => compareSemver(b, a) || (a < b ? 1 : a > b ? -1 : 0));
}

/**
 * The version after `current` for a `bump`; `1.0.0` when there is no current version.
 * As in npm's `semver.inc`, bumping a pre-release whose lower fields are zero releases it
 * (`2.0.0-rc.1` + major = `2.0.0`); the pre-release and build parts are dropped.
 */
export function nextVersion(current: string | undefined, bump: VersionBump): string {
  if (current === undefined) return '1.0.0';
  const { major, minor, patch, prerelease } = parseSemver(current);
  const pre = prerelease.length > 0;
  switch (bump) {
    case 'major':
      return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
    case 'minor':
      return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
    case 'patch':
      return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
  }
}

/** A version as users write it, `1.2.0` or `v1.2.0`, without the `v`; `InvalidVersionError` otherwise. */
export function stripVersionPrefix(text: string): string {
  const version = text.startsWith('v') ? text.slice(1) : text;
  parseSemver(version);
  return version;
}
