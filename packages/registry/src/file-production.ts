import { join } from 'node:path';
import { RegistryCorruptError } from './errors';
import { type ModelVersion, type PromotionEvent, versionTag } from './model-version';
import {
  PRODUCTION_POINTER_FILE,
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
}

/**
 * Reads `production.json` and `promotions.jsonl` and checks them: the pointer names a registered
 * version, and the version the log makes production. Any disagreement is a
 * `RegistryCorruptError` naming the file, never "no production".
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
  if (pointer === undefined) {
    if (top !== undefined) {
      throw new RegistryCorruptError(
        `${files.pointer} is missing, but ${files.log} records ${versionTag(model, top)} as production`,
      );
    }
    return { events, state, version: undefined };
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
  return { events, state, version };
}

/** Appends the event to the log, then moves the pointer (temporary file + rename). */
export async function recordProductionEvent(
  files: ProductionFiles,
  event: PromotionEvent,
): Promise<void> {
  await appendPromotionEvent(files.log, event);
  await writeProductionPointer(files.pointer, {
    model: event.model,
    version: event.version,
    since: event.at,
    ...(event.reason === undefined ? {} : { reason: event.reason }),
    ...(event.action === 'rollback' && event.previousVersion !== null
      ? { rolledBackFrom: event.previousVersion }
      : {}),
  });
}
