import { join } from 'node:path';
import { RegistryCorruptError } from './errors';
import { type ModelVersion, type PromotionEvent, versionTag } from './model-version';
import {
  PRODUCTION_POINTER_FILE,
  type ProductionPointer,
  readProductionPointer,
  writeProductionPointer,
} from './production-pointer';
import {
  appendPromotionEvent,
  PROMOTION_LOG_FILE,
  type ProductionState,
  productionState,
  readPromotionLog,
} from './promotion-log';
import { pauseAt } from './test-pause';

/** The two files that record a model's production in a `FileRegistry`. */
export interface ProductionFiles {
  /** `production.json`: the production version now. */
  readonly pointer: string;
  /** `promotions.jsonl`: every promotion and rollback, oldest first. */
  readonly log: string;
}

export function productionFiles(modelDir: string): ProductionFiles {
  return {
    pointer: join(modelDir, PRODUCTION_POINTER_FILE),
    log: join(modelDir, PROMOTION_LOG_FILE),
  };
}

/** Production as the files record it, checked. */
export interface CheckedProduction {
  readonly events: readonly PromotionEvent[];
  readonly state: ProductionState;
  /** The production version; `undefined` when nothing was ever promoted (or all was undone). */
  readonly version: ModelVersion | undefined;
  /** The last event is logged but `production.json` was not moved (an interrupted write). */
  readonly pointerBehind: boolean;
}

/**
 * Whether the log's last event was written and the pointer not: the pointer still names the
 * production before that event. The log is the record, so the event stands.
 */
function isPointerBehind(pointer: string | undefined, events: readonly PromotionEvent[]): boolean {
  const last = events.at(-1);
  return (
    last !== undefined && pointer !== last.version && (pointer ?? null) === last.previousVersion
  );
}

/**
 * Reads `production.json` and `promotions.jsonl` and checks them: the pointer names a registered
 * version, and the version the log makes production. Any disagreement is a
 * `RegistryCorruptError` naming the file, never "no production", except one: a pointer one event
 * behind the log (a promotion interrupted between its two writes), where the log wins and
 * `completeProductionWrite` moves the pointer.
 */
export async function readProduction(
  files: ProductionFiles,
  model: string,
  get: (version: string) => Promise<ModelVersion | undefined>,
): Promise<CheckedProduction> {
  const [pointer, events] = await Promise.all([
    readProductionPointer(files.pointer),
    readPromotionLog(files.log),
  ]);
  const state = productionState(events);
  const top = state.stack.at(-1);
  if (isPointerBehind(pointer?.version, events)) {
    const version = top === undefined ? undefined : await get(top);
    if (top !== undefined && version === undefined) {
      throw new RegistryCorruptError(
        `${files.log} records ${versionTag(model, top)} as production, but that version is not in the registry`,
      );
    }
    return { events, state, version, pointerBehind: true };
  }
  if (pointer === undefined) {
    if (top !== undefined) {
      throw new RegistryCorruptError(
        `${files.pointer} is missing, but ${files.log} records ${versionTag(model, top)} as production`,
      );
    }
    return { events, state, version: undefined, pointerBehind: false };
  }
  const version = await get(pointer.version);
  if (version === undefined) {
    throw new RegistryCorruptError(
      `${files.pointer} names ${versionTag(model, pointer.version)} as production, but that version is not in the registry`,
    );
  }
  if (pointer.version !== top) {
    throw new RegistryCorruptError(
      `${files.pointer} names ${versionTag(model, pointer.version)} as production, but ${files.log} ${top === undefined ? 'records no production' : `records ${versionTag(model, top)}`}`,
    );
  }
  return { events, state, version, pointerBehind: false };
}

/**
 * Appends the event to the log (the commit point), then moves the pointer (temporary file +
 * rename). Interrupted between the two, the pointer is behind (see `readProduction`).
 */
export async function recordProductionEvent(
  files: ProductionFiles,
  event: PromotionEvent,
): Promise<void> {
  await appendPromotionEvent(files.log, event);
  await pauseAt('registry:promote-logged');
  await writeProductionPointer(files.pointer, pointerOf(event));
}

/** Moves a pointer left behind by an interrupted write to the log's last event. */
export async function completeProductionWrite(
  files: ProductionFiles,
  production: CheckedProduction,
): Promise<void> {
  const last = production.events.at(-1);
  if (!production.pointerBehind || last === undefined) return;
  await writeProductionPointer(files.pointer, pointerOf(last));
}

function pointerOf(event: PromotionEvent): ProductionPointer {
  return {
    model: event.model,
    version: event.version,
    since: event.at,
    ...(event.reason === undefined ? {} : { reason: event.reason }),
    ...(event.action === 'rollback' && event.previousVersion !== null
      ? { rolledBackFrom: event.previousVersion }
      : {}),
  };
}
