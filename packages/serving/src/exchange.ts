import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FeatureRecord } from '@repo/features';
import type { BodyLimits } from './http-io';
import type { LoadedModel, OnInvalid, Prediction } from './loaded-model';
import type { ModelLease } from './model-slot';
import type { ServedModels } from './served-models';

/** What every request of a server shares: its models and what to do with their predictions. */
export interface ServingHub {
  readonly models: ServedModels;
  readonly onInvalid: OnInvalid;
  /** Called after each successful prediction (metrics, prediction log); must not block. */
  readonly predicted?:
    | ((
        exchange: Exchange,
        model: LoadedModel,
        records: readonly FeatureRecord[],
        predictions: readonly number[],
      ) => void)
    | undefined;
}

/**
 * A request as a route sees it: the request, its path, the groups its route's pattern captured,
 * and the model version it is answered with. `model()` leases the version served when it is
 * called; the router releases the lease once the request is answered, so a version swapped out
 * meanwhile answers the requests that started on it.
 */
export class Exchange {
  /** The capture groups of the route's pattern (`undefined` for an optional group left out). */
  params: readonly (string | undefined)[] = [];
  /** The route's template (`/v2/models/{name}/infer`), the label of its metrics. */
  route = 'unmatched';
  /** The size of the answer's body, once it is sent. */
  bytesSent = 0;
  private lease: ModelLease | undefined;
  private answeredWith: LoadedModel | undefined;
  private id: string | undefined;

  constructor(
    readonly request: IncomingMessage,
    readonly path: string,
    readonly limits: BodyLimits,
    private readonly hub: ServingHub | undefined,
  ) {}

  /**
   * The version of model `name` (the default model when undefined) answering this request:
   * `ModelNotServedError` (404) when the model is not served, or `version` is not the one loaded.
   */
  model(name?: string, version?: string): LoadedModel {
    if (this.hub === undefined) throw new Error('this router serves no model');
    const lease = this.hub.models.lease(name, version);
    this.lease?.release();
    this.lease = lease;
    this.answeredWith = lease.model;
    return lease.model;
  }

  /** The models of the server (for routes that describe them all, like `/health`). */
  get models(): ServedModels {
    if (this.hub === undefined) throw new Error('this router serves no model');
    return this.hub.models;
  }

  /** The model version the request was answered with, if any (its name and version stay readable after `finish`). */
  get served(): LoadedModel | undefined {
    return this.answeredWith;
  }

  /**
   * Predicts with the server's `onInvalid` (`predictMany`: a request of 64 records or more runs in
   * ONNX Runtime when the version has `model.onnx`), then reports the predictions (metrics, log).
   */
  async predict(model: LoadedModel, records: readonly FeatureRecord[]): Promise<Prediction> {
    const hub = this.hub;
    if (hub === undefined) throw new Error('this router serves no model');
    const result = await model.predictMany(records, hub.onInvalid);
    hub.predicted?.(this, model, records, result.predictions);
    return result;
  }

  /** The request's `x-request-id` header, or a new UUID (made once, when first asked). */
  get requestId(): string {
    if (this.id === undefined) {
      const header = this.request.headers['x-request-id'];
      this.id = typeof header === 'string' && header !== '' ? header.slice(0, 200) : randomUUID();
    }
    return this.id;
  }

  /** Releases the model version (called by the router once the request is answered). */
  finish(): void {
    this.lease?.release();
    this.lease = undefined;
  }
}
