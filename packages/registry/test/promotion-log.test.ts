import { describe, expect, it } from 'vitest';
import { NoProductionError } from '../src/errors';
import type { PromotionEvent } from '../src/model-version';
import { productionState, rollbackTarget } from '../src/promotion-log';

function log(...steps: string[]): PromotionEvent[] {
  let previous: string | null = null;
  return steps.map((step, index) => {
    const [action, version] = step.split(' ') as ['promote' | 'rollback', string];
    const event: PromotionEvent = {
      model: 'm',
      action,
      version,
      previousVersion: previous,
      at: `2026-01-01T00:00:0${index}.000Z`,
    };
    previous = version;
    return event;
  });
}

describe('productionState', () => {
  it('pops down to the target of a rollback to an earlier version', () => {
    const state = productionState(log('promote 1', 'promote 2', 'promote 3', 'rollback 1'));
    expect(state.stack).toEqual(['1']);
    expect([...state.rolledBack.keys()].sort()).toEqual(['2', '3']);
  });

  it('forgets a rolled-back version once it is promoted again', () => {
    const state = productionState(log('promote 1', 'promote 2', 'rollback 1', 'promote 2'));
    expect(state.stack).toEqual(['1', '2']);
    expect(state.rolledBack.size).toBe(0);
  });

  it('has nothing rolled back when there was no rollback', () => {
    expect(productionState(log('promote 1', 'promote 2')).rolledBack.size).toBe(0);
  });
});

describe('rollbackTarget', () => {
  it('returns the version named with to when it is an earlier production', () => {
    expect(
      rollbackTarget('m', log('promote 1.0.0', 'promote 1.1.0', 'promote 1.2.0'), '1.0.0'),
    ).toEqual({ current: '1.2.0', target: '1.0.0' });
  });

  it('refuses a target that was never production, listing the earlier ones', () => {
    expect(() => rollbackTarget('m', log('promote 1.0.0', 'promote 1.1.0'), '0.9.0')).toThrow(
      /m@v0\.9\.0: it is not an earlier production version \(earlier: m@v1\.0\.0\)/,
    );
    expect(() => rollbackTarget('m', log('promote 1.0.0'), '1.0.0')).toThrow(NoProductionError);
  });
});
