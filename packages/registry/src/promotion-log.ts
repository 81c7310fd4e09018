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

/**
 * The stack of production versions the log describes, bottom first: a promotion pushes its
 * version, a rollback pops the current one. The top is production; the one below it is what
 * a rollback returns to.
 */
export function productionStack(events: readonly PromotionEvent[]): string[] {
  const stack: string[] = [];
  for (const event of events) {
    if (event.action === 'promote') stack.push(event.version);
    else stack.pop();
  }
  return stack;
}

/**
 * The production version now and the one a rollback returns to, from the promotion events;
 * `NoProductionError` when there is nothing to roll back to.
 */
export function rollbackTarget(
  model: string,
  events: readonly PromotionEvent[],
): { current: string; previous: string } {
  const stack = productionStack(events);
  const current = stack.at(-1);
  const previous = stack.at(-2);
  if (current === undefined || previous === undefined) {
    throw new NoProductionError(
      current === undefined
        ? `cannot roll back "${model}": no version has been promoted to production`
        : `cannot roll back "${model}": ${versionTag(model, current)} is the first production version`,
    );
  }
  return { current, previous };
}
