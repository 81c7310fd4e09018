import type { FeatureRecord } from '@repo/features';
import { expect } from 'vitest';
import { loadRelease } from '../src/load-release';
import type { LoadedModel } from '../src/loaded-model';
import { type RunningServer, type ServerOptions, startServer } from '../src/prediction-server';
import {
  cacheDir,
  MODEL,
  type PublishedRelease,
  publishHousePrices,
  recordsOf,
  removeTemporaryDirs,
} from './release-fixture';

/** The example model's release, loaded, and a server of it on a free loopback port. */
export interface ServedRelease {
  readonly release: PublishedRelease;
  readonly model: LoadedModel;
  readonly server: RunningServer;
  /** The first `n` records of the test split. */
  records(n: number): FeatureRecord[];
  /** Stops the server, frees the model and removes the temporary folders. */
  stop(): Promise<void>;
}

export async function serveHousePrices(
  options: Omit<ServerOptions, 'model'> = {},
): Promise<ServedRelease> {
  const release = await publishHousePrices();
  const model = await loadRelease(release.registry, MODEL, 'production', {
    cacheDir: await cacheDir(),
    backend: 'wasm',
  });
  const server = await startServer({ ...options, model });
  return {
    release,
    model,
    server,
    records: (n) => recordsOf(release.data, release.data.split.test.subarray(0, n)),
    stop: async () => {
      await server.close();
      model.dispose();
      await removeTemporaryDirs();
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: unknown;
}

/** Sends a request over loopback HTTP and reads the JSON answer. */
export async function call(
  url: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  body?: unknown,
  contentType = 'application/json',
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : {
          headers: { 'content-type': contentType },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: text === '' ? undefined : JSON.parse(text),
  };
}

/** What `POST /predict` answers for `records` (the reference every protocol must match). */
export async function referencePredictions(
  server: RunningServer,
  records: readonly FeatureRecord[],
): Promise<number[]> {
  const answer = await call(`${server.url}/predict`, 'POST', { records });
  expect(answer.status).toBe(200);
  return (answer.body as { predictions: number[] }).predictions;
}

/** Equal to float precision (relative 1e-9): the same numbers as `/predict`. */
export function expectSameNumbers(actual: unknown, expected: readonly number[]): void {
  expect(Array.isArray(actual)).toBe(true);
  const values = actual as number[];
  expect(values).toHaveLength(expected.length);
  values.forEach((value, i) => {
    const reference = expected[i] as number;
    expect(typeof value).toBe('number');
    expect(Math.abs(value - reference)).toBeLessThanOrEqual(1e-9 * Math.abs(reference));
  });
}
