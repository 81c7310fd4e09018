import { appendFile, readFile } from 'node:fs/promises';
import { NoProductionError, RegistryCorruptError } from './errors';
import { type PromotionEvent, versionTag } from './model-version';

/** File name of the append-only promotion log (JSON Lines) in a model's directory. */
export const PROMOTION_LOG_FILE = 'promotions.jsonl';

/** Reads the log, oldest event first; empty when it does not exist. */
export async function readPromotionLog(path: string): Promise<PromotionEvent[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const events: PromotionEvent[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch (cause) {
      throw new RegistryCorruptError(`${path}, line ${index + 1}: not valid JSON`, { cause });
    }
    const record = event as Partial<PromotionEvent> | null;
    if (
      record === null ||
      typeof record !== 'object' ||
      (record.action !== 'promote' && record.action !== 'rollback') ||
      typeof record.version !== 'string'
    ) {
      throw new RegistryCorruptError(
        `${path}, line ${index + 1}: expected {"action": "promote"|"rollback", "version": ...}`,
      );
    }
    events.push(record as PromotionEvent);
  }
  return events;
}

/** Appends one event as a line of JSON. */
export async function appendPromotionEvent(path: string, event: PromotionEvent): Promise<void> {
  await appendFile(path, `${JSON.stringify(event)}\n`);
}

/** What the promotion log says about production. */
export interface ProductionState {
  /** Production versions, bottom first: the top is production, the ones below are earlier productions. */
  readonly stack: readonly string[];
  /**
   * Versions a rollback took out of production and no promotion has put back since, each with
   * that rollback. Only an explicit promotion makes them production again.
   */
  readonly rolledBack: ReadonlyMap<string, PromotionEvent>;
}

/**
 * Reads the log as a stack: a promotion pushes its version; a rollback pops down to its target
 * (one step in logs that only roll back to the previous production). The one rule for every
 * registry.
 */
export function productionState(events: readonly PromotionEvent[]): ProductionState {
  const stack: string[] = [];
  const rolledBack = new Map<string, PromotionEvent>();
  for (const event of events) {
    if (event.action === 'promote') {
      stack.push(event.version);
      rolledBack.delete(event.version);
      continue;
    }
    const at = stack.lastIndexOf(event.version);
    const popped = at === -1 ? stack.splice(-1, 1, event.version) : stack.splice(at + 1);
    for (const version of popped) rolledBack.set(version, event);
    rolledBack.delete(event.version);
  }
  return { stack, rolledBack };
}

/** The stack of production versions the log describes, bottom first (see `productionState`). */
export function productionStack(events: readonly PromotionEvent[]): string[] {
  return [...productionState(events).stack];
}

/**
 * The production version now and the one a rollback moves to: `to` when given (it must be an
 * earlier production version still below the current one), else the production before the
 * current one. `NoProductionError` when there is nothing (or not that) to roll back to.
 */
export function rollbackTarget(
  model: string,
  events: readonly PromotionEvent[],
  to?: string,
): { current: string; target: string } {
  const { stack } = productionState(events);
  const current = stack.at(-1);
  if (current === undefined) {
    throw new NoProductionError(
      `cannot roll back "${model}": no version has been promoted to production`,
    );
  }
  const earlier = stack.slice(0, -1);
  const target = to ?? earlier.at(-1);
  if (target === undefined) {
    throw new NoProductionError(
      `cannot roll back "${model}": ${versionTag(model, current)} is the first production version`,
    );
  }
  if (target === current) {
    throw new NoProductionError(
      `cannot roll back "${model}" to ${versionTag(model, target)}: it is production already`,
    );
  }
  if (!earlier.includes(target)) {
    const list = [...new Set(earlier)].reverse().map((v) => versionTag(model, v));
    throw new NoProductionError(
      `cannot roll back "${model}" to ${versionTag(model, target)}: it is not an earlier production version (earlier: ${list.join(', ') || 'none'}); make it production with a promotion instead`,
    );
  }
  return { current, target };
}
