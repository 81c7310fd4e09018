import type { ModelRegistry, VersionRef } from '@repo/registry';
import type { BackendPreference } from '@repo/train';
import { type AccessLog, openAccessLog } from './access-log';
import { followProduction, type ProductionFollower } from './follow-production';
import { loadRelease } from './load-release';
import type { LoadedModel } from './loaded-model';
import { ServingMetrics } from './metrics';
import { ModelSlot } from './model-slot';
import { PredictionLog, type PredictionLogOptions } from './prediction-log';
import { type RunningServer, type ServerOptions, startServer } from './prediction-server';
import { type ShutdownReport, shutdownGracefully } from './shutdown';
import { warmUp } from './warm-up';

export interface ModelServerOptions
  extends Omit<ServerOptions, 'model' | 'slots' | 'metrics' | 'predictionLog' | 'accessLog'> {
  /** Any registry: the file registry, or GitHub Releases (a read-only token is enough). */
  readonly registry: ModelRegistry;
  /** The models to serve; the first is the default of `/predict`, `/invocations`, `/openapi.json`. */
  readonly models: readonly string[];
  /** The version of each model to serve when not following: default `production`. */
  readonly ref?: VersionRef | undefined;
  /** Versions are downloaded (sha256 verified) into `<cacheDir>/<model>/<version>/`. */
  readonly cacheDir: string;
  readonly backend?: BackendPreference | undefined;
  /** Follow production: look it up every this many ms and swap to it when it moves. */
  readonly followIntervalMs?: number | undefined;
  /** A refused version is tried again after this many ms (see `FollowProductionOptions`). */
  readonly retryRefusedMs?: number | undefined;
  /** Log sampled predictions (JSON Lines, see `PredictionLog`). */
  readonly predictionLog?:
    | Omit<PredictionLogOptions, 'onWritten' | 'onDropped' | 'log'>
    | undefined;
  /** Structured access logs: `-` for stderr, otherwise a file. */
  readonly accessLog?: string | undefined;
  /** Upper bounds of the prediction-value histogram's buckets. */
  readonly predictionBuckets?: readonly number[] | undefined;
}

/** A running server of registry versions, with what follows and logs them. */
export interface ModelServer {
  readonly server: RunningServer;
  readonly slots: readonly ModelSlot[];
  readonly followers: readonly ProductionFollower[];
  readonly predictionLog: PredictionLog | undefined;
  /** Graceful shutdown (`shutdownGracefully`), in-flight requests bounded by `graceMs`. */
  stop(graceMs?: number): Promise<ShutdownReport>;
}

/** Loads and warms up the versions to serve, one per model; frees them all on a failure. */
async function loadAll(options: ModelServerOptions, ref: VersionRef): Promise<LoadedModel[]> {
  const loaded: LoadedModel[] = [];
  try {
    for (const model of options.models) {
      const release = await loadRelease(options.registry, model, ref, options);
      loaded.push(release);
      await warmUp(release);
    }
    return loaded;
  } catch (error) {
    for (const model of loaded) model.dispose();
    throw error;
  }
}

function openPredictionLog(
  options: ModelServerOptions,
  metrics: ServingMetrics,
): PredictionLog | undefined {
  if (options.predictionLog === undefined) return undefined;
  return new PredictionLog({
    ...options.predictionLog,
    onWritten: (count) => metrics.predictionLogged(count),
    onDropped: (count) => metrics.predictionLogDropped(count),
    log: options.log,
  });
}

/**
 * Serves registry versions of several models on one server (`startServer`): each model at
 * `ref` (default production), downloaded and verified, loaded and warmed up; with
 * `followIntervalMs`, each model then follows production (`followProduction`). Optional
 * prediction log and access log; `stop` shuts it all down gracefully.
 */
export async function startModelServer(options: ModelServerOptions): Promise<ModelServer> {
  const following = options.followIntervalMs !== undefined;
  if (options.models.length === 0) throw new Error('startModelServer needs at least one model');
  const metrics = new ServingMetrics({ predictionBuckets: options.predictionBuckets });
  // The logs first: a file that cannot be written fails before any model is loaded.
  const predictionLog = openPredictionLog(options, metrics);
  let accessLog: AccessLog | undefined;
  let slots: ModelSlot[] = [];
  let server: RunningServer;
  try {
    const { accessLog: target } = options;
    accessLog = target === undefined ? undefined : openAccessLog(target, options.log);
    const ref = following ? 'production' : (options.ref ?? 'production');
    slots = (await loadAll(options, ref)).map((model) => new ModelSlot(model));
    server = await startServer({ ...options, slots, metrics, predictionLog, accessLog });
  } catch (error) {
    for (const slot of slots) slot.dispose();
    await predictionLog?.close(0);
    await accessLog?.close();
    throw error;
  }
  const followers = following
    ? slots.map((slot) =>
        followProduction({
          registry: options.registry,
          slot,
          intervalMs: options.followIntervalMs as number,
          load: (version) => loadRelease(options.registry, slot.name, version, options),
          metrics,
          log: options.log,
          retryRefusedMs: options.retryRefusedMs,
        }),
      )
    : [];
  return {
    server,
    slots,
    followers,
    predictionLog,
    stop: (graceMs) => shutdownGracefully({ server, followers, predictionLog, accessLog }, graceMs),
  };
}
