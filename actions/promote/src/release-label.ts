import type { VersionBump } from '@repo/registry';

const ORDER: readonly VersionBump[] = ['patch', 'minor', 'major'];
const LABEL = /^release:(major|minor|patch)$/i;

/**
 * The bump the `release:major|minor|patch` labels ask for: the largest one when several are set,
 * `undefined` when none is.
 */
export function bumpFromLabels(labels: readonly string[]): VersionBump | undefined {
  let bump: VersionBump | undefined;
  for (const label of labels) {
    const match = LABEL.exec(label.trim());
    if (match === null) continue;
    const asked = (match[1] ?? '').toLowerCase() as VersionBump;
    if (bump === undefined || ORDER.indexOf(asked) > ORDER.indexOf(bump)) bump = asked;
  }
  return bump;
}

/**
 * The pull request number a merge commit names in its message: `Merge pull request #12 from …`
 * (merge commit) or a first line ending in `(#12)` (squash merge); `undefined` otherwise.
 */
export function pullNumberFromMessage(message: string): number | undefined {
  const merge = /^Merge pull request #(\d+) /.exec(message);
  const firstLine = message.split('\n', 1)[0] ?? '';
  const squash = /\(#(\d+)\)\s*$/.exec(firstLine);
  const number = merge?.[1] ?? squash?.[1];
  return number === undefined ? undefined : Number(number);
}
