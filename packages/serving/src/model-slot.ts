import type { LoadedModel } from './loaded-model';

/** How a followed model last reloaded, as `/health` reports it under `reload`. */
export interface ReloadStatus {
  /** Whether the server follows the registry's production for this model. */
  readonly following: boolean;
  readonly intervalMs?: number;
  /**
   * `current`: serving production; `refused`: production is a version that did not verify, load
   * or warm up, so the previous version is still served; `unreachable`: the last look at the
   * registry failed; `no-production`: the registry has no production for the model.
   */
  readonly state?: 'current' | 'refused' | 'unreachable' | 'no-production';
  /** When the registry was last asked (ISO 8601). */
  readonly checkedAt?: string;
  /** The production version the registry named at that time. */
  readonly production?: string;
  /** The last successful swap. */
  readonly lastReload?: { readonly from: string; readonly to: string; readonly at: string };
  /** The last refused version and why. */
  readonly lastRefusal?: {
    readonly version: string;
    readonly at: string;
    readonly error: string;
    readonly message: string;
  };
  /** Why the last look at the registry failed (state `unreachable`). */
  readonly checkError?: string;
}

/**
 * One loaded version and the requests using it. `release` must be called once per `acquire`;
 * a retired version is disposed when its last user releases it.
 */
export class ModelLease {
  private users = 0;
  private retired = false;

  constructor(readonly model: LoadedModel) {}

  /** @internal */
  hold(): this {
    this.users++;
    return this;
  }

  release(): void {
    this.users--;
    if (this.retired && this.users === 0) this.model.dispose();
  }

  /** @internal No new user will take it; dispose it once the current ones are done. */
  retire(): void {
    this.retired = true;
    if (this.users === 0) this.model.dispose();
  }
}

/**
 * The version of one model a server answers with, swapped atomically: a request takes a lease
 * of the current version when it starts (`acquire`) and keeps predicting with that version until
 * it releases the lease, even when `swap` installs another version meanwhile. The replaced
 * version is disposed once its last request is done.
 */
export class ModelSlot {
  readonly name: string;
  reload: ReloadStatus = { following: false };
  private current: ModelLease;

  constructor(model: LoadedModel) {
    this.name = model.model;
    this.current = new ModelLease(model);
  }

  /** The version answering new requests. */
  get model(): LoadedModel {
    return this.current.model;
  }

  /** A lease of the current version; `release` it when the request is answered. */
  acquire(): ModelLease {
    return this.current.hold();
  }

  /** Installs `next` for every request from now on; returns the version it replaced. */
  swap(next: LoadedModel): LoadedModel {
    if (next.model !== this.name) {
      throw new Error(`cannot swap ${next.tag} into the slot of ${this.name}`);
    }
    const previous = this.current;
    this.current = new ModelLease(next);
    previous.retire();
    return previous.model;
  }

  /** Disposes the current version once its requests are done (the slot must not be used after). */
  dispose(): void {
    this.current.retire();
  }
}
