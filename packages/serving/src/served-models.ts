import { ModelNotServedError } from './errors';
import type { ModelLease, ModelSlot } from './model-slot';

/**
 * The models a server answers for, each in its own slot, looked up by name. The first one is
 * the default of the routes whose URL names no model (`/predict`, `/invocations`,
 * `/openapi.json`).
 */
export class ServedModels {
  readonly slots: readonly ModelSlot[];
  private readonly byName: ReadonlyMap<string, ModelSlot>;

  constructor(slots: readonly ModelSlot[]) {
    const first = slots[0];
    if (first === undefined) throw new Error('a server needs at least one model');
    const byName = new Map<string, ModelSlot>();
    for (const slot of slots) {
      if (byName.has(slot.name)) throw new Error(`model ${slot.name} is given twice`);
      byName.set(slot.name, slot);
    }
    this.slots = slots;
    this.byName = byName;
  }

  get default(): ModelSlot {
    return this.slots[0] as ModelSlot;
  }

  get names(): string {
    return this.slots.map((slot) => slot.name).join(', ');
  }

  /** The slot of `name`; the default slot when `name` is undefined; `ModelNotServedError` otherwise. */
  slot(name: string | undefined): ModelSlot {
    if (name === undefined) return this.default;
    const slot = this.byName.get(name);
    if (slot === undefined) {
      throw new ModelNotServedError(
        `model "${name}" is not served here (this server serves ${this.names})`,
        name,
        '',
      );
    }
    return slot;
  }

  /**
   * A lease of the version of `name` now served (see `ModelSlot.acquire`), checked against the
   * version a URL names: `ModelNotServedError` (404) when it is not the loaded one.
   */
  lease(name: string | undefined, version: string | undefined): ModelLease {
    const slot = this.slot(name);
    const lease = slot.acquire();
    if (version !== undefined && version !== lease.model.version) {
      lease.release();
      throw new ModelNotServedError(
        `version "${version}" of ${slot.name} is not loaded (this server serves ${lease.model.version})`,
        slot.name,
        version,
      );
    }
    return lease;
  }
}
