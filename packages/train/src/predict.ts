import * as tf from '@tensorflow/tfjs';
import { selectedBackend } from './backend';
import { TrainingInputError } from './errors';
import { kernelNetwork } from './kernel-network';

/**
 * Runs the model on row-major `x` (`rows × nFeatures`) and returns its single output per row
 * (the regression value, or the positive-class probability). On the fused backend an MLP of
 * `buildMlp`'s shape runs on the kernel (its weights read once per model object: models are not
 * changed after training or loading); anything else runs on TF.js, all intermediate tensors freed.
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
  const network = selectedBackend() === 'fused' ? kernelNetwork(model, nFeatures) : null;
  if (network) {
    network.predict(x, rows, result);
    return result;
  }
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
