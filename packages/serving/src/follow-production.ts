import type { ModelRegistry } from '@repo/registry';
import { ReloadRefusedError } from './errors';
import type { LoadedModel } from './loaded-model';
import type { ServingMetrics } from './metrics';
import type { ModelSlot, ReloadStatus } from './model-slot';
import { warmUp } from './warm-up';

export interface FollowProductionOptions {
  /** Any registry (only `resolve` is used: a read-only GitHub token is enough). */
  readonly registry: Pick<ModelRegistry, 'resolve'>;
  /** The slot whose version follows production. */
  readonly slot: ModelSlot;
  /** How often production is looked up, in ms. */
  readonly intervalMs: number;
  /** Downloads (every sha256 verified) and loads a version of the slot's model. */
  readonly load: (version: string) => Promise<LoadedModel>;
  readonly metrics?: ServingMetrics | undefined;
  readonly log?: ((line: string) => void) | undefined;
  /** A refused version is tried again only after this many ms (default 10 intervals, at least 30 s). */
  readonly retryRefusedMs?: number | undefined;
  readonly now?: (() => Date) | undefined;
}

/** What one look at production did. */
export type FollowOutcome =
  | { readonly kind: 'current'; readonly version: string }
  | { readonly kind: 'swapped'; readonly from: string; readonly to: string }
  | { readonly kind: 'refused'; readonly version: string; readonly error: ReloadRefusedError }
  | { readonly kind: 'unreachable'; readonly error: unknown }
  | { readonly kind: 'no-production' };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps `slot` on the registry's production version (pull-based GitOps): every `intervalMs`
 * it resolves production, and when production is another version than the one served (a
 * promotion or a rollback), downloads and verifies it, loads it, warms it up with one
 * prediction and swaps it in (`ModelSlot.swap`: requests in flight finish on the old version).
 * A version that does not verify, load or warm up is refused (`ReloadRefusedError`, its cause
 * the original error): the old version keeps answering, and the refusal is logged, counted in
 * the metrics and kept in `slot.reload` (shown by `/health`).
 */
export class ProductionFollower {
  private readonly options: FollowProductionOptions;
  private readonly slot: ModelSlot;
  private readonly now: () => Date;
  private readonly retryMs: number;
  private refused: { version: string; at: number } | undefined;
  private running: Promise<FollowOutcome> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(options: FollowProductionOptions) {
    this.options = options;
    this.slot = options.slot;
    this.now = options.now ?? (() => new Date());
    this.retryMs = options.retryRefusedMs ?? Math.max(10 * options.intervalMs, 30_000);
    this.note({});
  }

  /** Checks every `intervalMs` from now on (the first check one interval from now). */
  start(): this {
    this.schedule();
    return this;
  }

  /** Looks up production now, and swaps to it when it changed (the timer does this every interval). */
  check(): Promise<FollowOutcome> {
    this.running ??= this.lookUp().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops the timer and waits for a check under way (no swap happens afterwards). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.check().finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private note(status: Partial<ReloadStatus>): void {
    const { intervalMs } = this.options;
    this.slot.reload = { ...this.slot.reload, following: true, intervalMs, ...status };
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private async lookUp(): Promise<FollowOutcome> {
    const model = this.slot.name;
    let production: string | undefined;
    try {
      production = (await this.options.registry.resolve(model, 'production'))?.version;
    } catch (error) {
      if (this.slot.reload.state !== 'unreachable') {
        this.log(`${model}: cannot read production: ${messageOf(error)}`);
      }
      const checkedAt = this.now().toISOString();
      this.note({ state: 'unreachable', checkedAt, checkError: messageOf(error) });
      return { kind: 'unreachable', error };
    }
    this.note({ checkedAt: this.now().toISOString(), production, checkError: undefined });
    if (production === undefined) {
      this.note({ state: 'no-production' });
      return { kind: 'no-production' };
    }
    if (production === this.slot.model.version) {
      this.note({ state: 'current' });
      return { kind: 'current', version: production };
    }
    const refused = this.refused;
    if (refused?.version === production && this.now().getTime() - refused.at < this.retryMs) {
      this.note({ state: 'refused' });
      const error = new ReloadRefusedError(
        `${model}: ${production} was refused`,
        model,
        production,
      );
      return { kind: 'refused', version: production, error };
    }
    return this.swapTo(production);
  }

  private async swapTo(version: string): Promise<FollowOutcome> {
    let loaded: LoadedModel | undefined;
    try {
      loaded = await this.options.load(version);
      await warmUp(loaded);
    } catch (cause) {
      loaded?.dispose();
      return this.refuse(version, cause);
    }
    if (this.stopped) {
      loaded.dispose();
      return { kind: 'current', version: this.slot.model.version };
    }
    const previous = this.slot.swap(loaded);
    this.options.metrics?.modelServed(loaded, previous);
    this.options.metrics?.reloadSucceeded(loaded.model, version);
    this.refused = undefined;
    const at = this.now().toISOString();
    this.note({ state: 'current', lastReload: { from: previous.version, to: version, at } });
    this.log(
      `${loaded.model}: production moved to ${loaded.tag}; serving it (was ${previous.version})`,
    );
    return { kind: 'swapped', from: previous.version, to: version };
  }

  private refuse(version: string, cause: unknown): FollowOutcome {
    const model = this.slot.name;
    const error = new ReloadRefusedError(
      `${model}: production is ${version}, but it was refused (${messageOf(cause)}); still serving ${this.slot.model.version}`,
      model,
      version,
      { cause },
    );
    const reason = cause instanceof Error ? cause.name : 'Error';
    const at = this.now();
    this.refused = { version, at: at.getTime() };
    const lastRefusal = { version, at: at.toISOString(), error: reason, message: messageOf(cause) };
    this.note({ state: 'refused', lastRefusal });
    this.options.metrics?.reloadFailed(model, version, reason);
    this.log(error.message);
    return { kind: 'refused', version, error };
  }
}

/** Starts following production for `options.slot` (see `ProductionFollower`). */
export function followProduction(options: FollowProductionOptions): ProductionFollower {
  return new ProductionFollower(options).start();
}
