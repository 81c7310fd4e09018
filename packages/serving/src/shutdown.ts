import type { AccessLog } from './access-log';
import type { ProductionFollower } from './follow-production';
import type { PredictionLog } from './prediction-log';
import type { RunningServer } from './prediction-server';

/** Default bound on finishing in-flight requests at shutdown: 10 s. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** What a server is made of, stopped in order by `shutdownGracefully`. */
export interface ServerParts {
  readonly server: RunningServer;
  readonly followers?: readonly ProductionFollower[] | undefined;
  readonly predictionLog?: PredictionLog | undefined;
  readonly accessLog?: AccessLog | undefined;
}

/** How a shutdown went. */
export interface ShutdownReport {
  /** Every request in flight was answered within the grace period. */
  readonly drained: boolean;
  /** Every queued prediction-log record was written within the grace period. */
  readonly logFlushed: boolean;
}

/**
 * Stops a server without failing a request: stops following production (no swap from now on),
 * stops accepting connections, lets the requests in flight finish (closing what is still open
 * after `graceMs`), flushes the prediction log (within `graceMs` too), closes the access log and
 * frees the models.
 */
export async function shutdownGracefully(
  parts: ServerParts,
  graceMs = DEFAULT_SHUTDOWN_GRACE_MS,
): Promise<ShutdownReport> {
  await Promise.all((parts.followers ?? []).map((follower) => follower.stop()));
  const drained = await parts.server.close(graceMs);
  const logFlushed = (await parts.predictionLog?.close(graceMs)) ?? true;
  await parts.accessLog?.close();
  for (const slot of parts.server.models.slots) slot.dispose();
  return { drained, logFlushed };
}

/** Resolves with the first of `signals` the process receives (listening stops then). */
export function nextSignal(
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const name of signals) process.off(name, stop);
      resolve(signal);
    };
    for (const name of signals) process.on(name, stop);
  });
}
