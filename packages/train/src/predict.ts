import * as tf from '@tensorflow/tfjs';
import { TrainingInputError } from './errors';

/**
 * Runs the model on row-major `x` (`rows × nFeatures`) and returns its single output per row
 * (the regression value, or the positive-class probability). All intermediate tensors are freed.
 */
export function predict(
  model: tf.LayersModel,
  x: Float32Array,
  nFeatures: number,
  batchSize = 8192,
): Float32Array {
  if (!Number.isInteger(nFeatures) || nFeatures < 1 || x.length % nFeatures !== 0) {
    throw new TrainingInputError(
      `x has ${x.length} values, which is not a whole number of rows of ${nFeatures} features`,
    );
  }
  const rows = x.length / nFeatures;
  const result = new Float32Array(rows);
  for (let start = 0; start < rows; start += batchSize) {
    const end = Math.min(rows, start + batchSize);
    tf.tidy(() => {
      const input = tf.tensor2d(x.subarray(start * nFeatures, end * nFeatures), [
        end - start,
        nFeatures,
      ]);
      const output = model.predict(input) as tf.Tensor;
      result.set(output.dataSync(), start);
    });
  }
  return result;
}
