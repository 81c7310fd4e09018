import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LoadedModel } from './loaded-model';

/** Request latency buckets, in seconds (0.5 ms … 10 s). */
export const LATENCY_BUCKETS: readonly number[] = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * Prediction-value buckets: 0, then 1-2.5-5 steps from 0.001 to 1e7, wide enough for
 * probabilities and for prices alike (`predictionBuckets` overrides them).
 */
export const PREDICTION_BUCKETS: readonly number[] = [
  0,
  ...Array.from({ length: 11 }, (_, decade) => [1, 2.5, 5].map((m) => m * 10 ** (decade - 3)))
    .flat()
    .map((value) => Number(value.toPrecision(3))),
];

export interface ServingMetricsOptions {
  /** Upper bounds of the `mlops_prediction_value` buckets. Default `PREDICTION_BUCKETS`. */
  readonly predictionBuckets?: readonly number[] | undefined;
}

type RequestLabels = 'route' | 'model' | 'version' | 'status';

/**
 * The Prometheus metrics of a server (`GET /metrics`), in a registry of their own:
 * - `mlops_http_requests_total{route,model,version,status}`: answered requests;
 * - `mlops_http_request_duration_seconds{route,model,version}`: latency histogram;
 * - `mlops_http_requests_in_flight`: requests being answered;
 * - `mlops_prediction_value{model,version}`: histogram of the predicted values;
 * - `mlops_model_info{model,version}`: 1 for the version served of each model;
 * - `mlops_model_reloads_total{model,version}`, `mlops_model_reload_failures_total{model,version,reason}`:
 *   swaps to a new production version, and refused versions (`reason`: the error's name);
 * - `mlops_prediction_log_records_total`, `mlops_prediction_log_dropped_total`: prediction-log
 *   records written, and dropped because its queue was full.
 * `route` is the route's template (`/v2/models/{name}/infer`, `unmatched` for an unknown path);
 * `model` and `version` are empty for routes that answer with no model.
 */
export class ServingMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<RequestLabels>;
  private readonly latency: Histogram<Exclude<RequestLabels, 'status'>>;
  private readonly inFlight: Gauge;
  private readonly predictionValue: Histogram<'model' | 'version'>;
  private readonly info: Gauge<'model' | 'version'>;
  private readonly reloads: Counter<'model' | 'version'>;
  private readonly reloadFailures: Counter<'model' | 'version' | 'reason'>;
  private readonly logWritten: Counter;
  private readonly logDropped: Counter;
  /** The prediction-value histogram of each loaded version, bound once. */
  private readonly valueOf = new WeakMap<LoadedModel, Histogram.Internal<'model' | 'version'>>();

  constructor(options: ServingMetricsOptions = {}) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'mlops_http_requests_total',
      help: 'HTTP requests answered, by route template, model, version and status',
      labelNames: ['route', 'model', 'version', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'mlops_http_request_duration_seconds',
      help: 'Time from the arrival of a request to its answer, in seconds',
      labelNames: ['route', 'model', 'version'],
      buckets: [...LATENCY_BUCKETS],
      registers,
    });
    this.inFlight = new Gauge({
      name: 'mlops_http_requests_in_flight',
      help: 'HTTP requests being answered',
      registers,
    });
    this.predictionValue = new Histogram({
      name: 'mlops_prediction_value',
      help: 'Predicted values, by model and version',
      labelNames: ['model', 'version'],
      buckets: [...(options.predictionBuckets ?? PREDICTION_BUCKETS)],
      registers,
    });
    this.info = new Gauge({
      name: 'mlops_model_info',
      help: 'The version served of each model (1)',
      labelNames: ['model', 'version'],
      registers,
    });
    this.reloads = new Counter({
      name: 'mlops_model_reloads_total',
      help: 'Swaps to a new production version, by model and the version swapped in',
      labelNames: ['model', 'version'],
      registers,
    });
    this.reloadFailures = new Counter({
      name: 'mlops_model_reload_failures_total',
      help: 'Production versions refused (did not verify, load or warm up), by model, version and error',
      labelNames: ['model', 'version', 'reason'],
      registers,
    });
    this.logWritten = new Counter({
      name: 'mlops_prediction_log_records_total',
      help: 'Prediction-log records written',
      registers,
    });
    this.logDropped = new Counter({
      name: 'mlops_prediction_log_dropped_total',
      help: 'Prediction-log records dropped because its queue was full',
      registers,
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  requestStarted(): void {
    this.inFlight.inc();
  }

  requestFinished(route: string, model: LoadedModel | undefined, status: number, seconds: number) {
    this.inFlight.dec();
    const name = model?.model ?? '';
    const version = model?.version ?? '';
    this.requests.inc({ route, model: name, version, status: String(status) });
    this.latency.observe({ route, model: name, version }, seconds);
  }

  predicted(model: LoadedModel, values: readonly number[]): void {
    let histogram = this.valueOf.get(model);
    if (histogram === undefined) {
      histogram = this.predictionValue.labels(model.model, model.version);
      this.valueOf.set(model, histogram);
    }
    for (const value of values) histogram.observe(value);
  }

  /** `model` is served now, in place of `previous` when there was one. */
  modelServed(model: LoadedModel, previous?: LoadedModel): void {
    if (previous !== undefined) this.info.remove(previous.model, previous.version);
    this.info.set({ model: model.model, version: model.version }, 1);
  }

  reloadSucceeded(model: string, version: string): void {
    this.reloads.inc({ model, version });
  }

  reloadFailed(model: string, version: string, reason: string): void {
    this.reloadFailures.inc({ model, version, reason });
  }

  predictionLogged(count: number): void {
    this.logWritten.inc(count);
  }

  predictionLogDropped(count: number): void {
    this.logDropped.inc(count);
  }
}
