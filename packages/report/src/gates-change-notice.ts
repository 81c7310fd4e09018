import type { GateSpec } from '@repo/config';
import { describeGate } from './describe-gate';
import { markdownTable } from './markdown';

/**
 * A notice for the top of a pull request's report when the pull request changes the model's own
 * quality gates (the default branch's gates → the pull request's): a reviewer must see that the
 * bar moved before reading that it was cleared. Undefined when the gates are the same.
 */
export function gatesChangeNotice(
  before: readonly GateSpec[] | undefined,
  after: readonly GateSpec[],
): string | undefined {
  const was = (before ?? []).map(describeGate);
  const now = after.map(describeGate);
  if (before !== undefined && JSON.stringify(was) === JSON.stringify(now)) return undefined;
  const removed = was.filter((g) => !now.includes(g));
  const added = now.filter((g) => !was.includes(g));
  const rows = [...removed.map((g) => ['removed', g]), ...added.map((g) => ['added', g])];
  const intro =
    before === undefined
      ? '> [!WARNING]\n> **This pull request adds a model with its own quality gates.** Review them.'
      : '> [!WARNING]\n> **This pull request changes its own quality gates.** The verdict below is against the gates as changed.';
  return `${intro}\n\n${markdownTable(['', 'Gate'], rows)}`;
}
