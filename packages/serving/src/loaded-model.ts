import {
  type FeatureRecord,
  featureNames,
  inverseTarget,
  type PreprocessorState,
  transformRecords,
} from '@repo/features';
import type { BackendName, Task } from '@repo/train';
import { predict } from '@repo/train';
import { ONNX_MIN_ROWS, onnxBatchEngine } from './batch-engine';
import { NonFinitePredictionError, RejectedRecordError } from './errors';
import type { InputField } from './release-metadata';
import {
  type FeatureRule,
  featureRules,
  findWarnings,
  type RecordWarning,
  validateRecords,
} from './validate-records';

/** The layers model as `@repo/train` loads it (only what serving uses of it). */
export type ServableNetwork = Parameters<typeof predict>[0];

/** What to do with a record holding a value the model was not trained for. */
export type OnInvalid = 'warn' | 'reject';

export interface Prediction {
  /** One finite value per record. */
  readonly predictions: number[];
  /** The warnings of each record, aligned with `predictions`; absent when there are none. */
  readonly warnings?: RecordWarning[][];
}

/** A registered model version, downloaded, verified and loaded, ready to predict. */
export interface LoadedModel {
  readonly model: string;
  /** Semantic version without a leading `v`. */
  readonly version: string;
  /** `<model>@v<version>`: the release tag. */
  readonly tag: string;
  /** The TF.js backend it runs on. */
  readonly backend: BackendName;
  readonly task: Task;
  /** The input columns each record must hold. */
  readonly inputSchema: readonly InputField[];
  /** The name of what it predicts (the target column). */
  readonly target: string;
  /** Each feature with its declared range or its training levels, in input order. */
  readonly features: readonly FeatureRule[];
  /** Where the verified files of the version are. */
  readonly dir: string;
  /**
   * Predicts one value per record with the training-time transforms: `transformRecords`, the
   * network, then (regression) `inverseTarget` back to the target's scale; for classification
   * the positive-class probability. Throws `InvalidRecordError` naming the record and field of
   * a missing feature or a value of the wrong type. Values outside a declared range and unseen
   * categories are returned as `warnings` (`onInvalid: 'warn'`, the default) or thrown as
   * `RejectedRecordError` (`'reject'`). A prediction that is not finite throws
   * `NonFinitePredictionError`.
   */
  predict(records: readonly FeatureRecord[], onInvalid?: OnInvalid): Prediction;
  /**
   * `predict` for many records at once (batch scoring): from `ONNX_MIN_ROWS` records on, the
   * network runs in ONNX Runtime on the version's `model.onnx` when there is one and ONNX Runtime
   * loads (values equal `predict`'s to float32 precision), else as `predict` does.
   */
  predictMany(records: readonly FeatureRecord[], onInvalid?: OnInvalid): Promise<Prediction>;
  /** Frees the network's tensors; `predict` must not be called afterwards. */
  dispose(): void;
}

export interface LoadedModelParts {
  readonly model: string;
  readonly version: string;
  readonly tag: string;
  readonly backend: BackendName;
  readonly task: Task;
  readonly inputSchema: readonly InputField[];
  readonly dir: string;
  readonly preprocessor: PreprocessorState;
  readonly network: ServableNetwork;
}

function reject(warnings: readonly RecordWarning[][]): never {
  const record = warnings.findIndex((list) => list.length > 0);
  const first = warnings[record]?.[0] as RecordWarning;
  const count = warnings.filter((list) => list.length > 0).length;
  const others = count > 1 ? ` (${count - 1} more record(s) too)` : '';
  throw new RejectedRecordError(
    `record ${record}: ${first.message}${others}`,
    record,
    first.field,
    first.kind,
  );
}

function assertFinite(values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new NonFinitePredictionError(
        `record ${i}: the model predicted ${values[i]}, not a finite number`,
        i,
      );
    }
  }
}

/** Binds a loaded network to its preprocessing (and large batches to `model.onnx`, if any). */
export function createLoadedModel(parts: LoadedModelParts): LoadedModel {
  const { preprocessor, network, ...info } = parts;
  const features = featureRules(preprocessor, info.inputSchema);
  const batches = onnxBatchEngine(info.dir, featureNames(preprocessor.features).length, info.model);
  /** Validation and preprocessing: the matrix the network reads, and the records' warnings. */
  const prepare = (records: readonly FeatureRecord[], onInvalid: OnInvalid) => {
    validateRecords(preprocessor, records);
    const warnings = findWarnings(features, records);
    if (warnings !== undefined && onInvalid === 'reject') reject(warnings);
    return { matrix: transformRecords(preprocessor, records), warnings };
  };
  const finish = (raw: Float32Array, warnings: RecordWarning[][] | undefined): Prediction => {
    const values = info.task === 'regression' ? inverseTarget(preprocessor, raw) : raw;
    assertFinite(values);
    const predictions = Array.from(values);
    return warnings === undefined ? { predictions } : { predictions, warnings };
  };
  return {
    ...info,
    target: preprocessor.target.name,
    features,
    predict(records, onInvalid = 'warn') {
      const { matrix, warnings } = prepare(records, onInvalid);
      if (records.length === 0) return { predictions: [] };
      return finish(predict(network, matrix.x, matrix.width), warnings);
    },
    async predictMany(records, onInvalid = 'warn') {
      const { matrix, warnings } = prepare(records, onInvalid);
      if (records.length === 0) return { predictions: [] };
      const fromOnnx =
        records.length >= ONNX_MIN_ROWS ? await batches.run(matrix.x, records.length) : null;
      return finish(fromOnnx ?? predict(network, matrix.x, matrix.width), warnings);
    },
    dispose() {
      network.dispose();
      void batches.close();
    },
  };
}
