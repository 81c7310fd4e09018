import {
  type FeatureRecord,
  inverseTarget,
  type PreprocessorState,
  transformRecords,
} from '@repo/features';
import type { BackendName, Task } from '@repo/train';
import { predict } from '@repo/train';
import type { InputField } from './release-metadata';
import { validateRecords } from './validate-records';

/** The layers model as `@repo/train` loads it (only what serving uses of it). */
export type ServableNetwork = Parameters<typeof predict>[0];

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
  /** Where the verified files of the version are. */
  readonly dir: string;
  /**
   * Predicts one value per record with the training-time transforms: `transformRecords`, the
   * network, then (regression) `inverseTarget` back to the target's scale; for classification
   * the positive-class probability. Throws `InvalidRecordError` naming the record and field.
   */
  predict(records: readonly FeatureRecord[]): { predictions: number[] };
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

/** Binds a loaded network to its preprocessing. */
export function createLoadedModel(parts: LoadedModelParts): LoadedModel {
  const { preprocessor, network, ...info } = parts;
  return {
    ...info,
    predict(records) {
      validateRecords(preprocessor, records);
      if (records.length === 0) return { predictions: [] };
      const features = transformRecords(preprocessor, records);
      const raw = predict(network, features.x, features.width);
      const values = info.task === 'regression' ? inverseTarget(preprocessor, raw) : raw;
      return { predictions: Array.from(values) };
    },
    dispose() {
      network.dispose();
    },
  };
}
