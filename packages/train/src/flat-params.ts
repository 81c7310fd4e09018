import * as tf from '@tensorflow/tfjs';

/** Where one weight tensor of a model lives inside the flat parameter vector. */
export interface ParamSlot {
  readonly offset: number;
  readonly size: number;
  readonly shape: readonly number[];
}

/**
 * Layout of a model's trainable weights (in `model.getWeights()` order: kernel, bias per layer)
 * concatenated into one flat vector, so an optimizer step is a handful of ops on one tensor
 * instead of a handful per weight.
 */
export function paramLayout(model: tf.LayersModel): ParamSlot[] {
  let offset = 0;
  return model.getWeights().map((weight) => {
    const slot = { offset, size: weight.size, shape: weight.shape };
    offset += weight.size;
    return slot;
  });
}

/** The model's weights as one flat float32 tensor (caller disposes). */
export function packParams(model: tf.LayersModel): tf.Tensor1D {
  return tf.tidy(
    () => tf.concat(model.getWeights().map((w) => tf.reshape(w, [-1]))) as tf.Tensor1D,
  );
}

/** Views of `flat` shaped as the model's weights (inside a tidy scope: intermediates are freed). */
export function unpackParams(flat: tf.Tensor1D, layout: readonly ParamSlot[]): tf.Tensor[] {
  return layout.map((slot) => tf.reshape(tf.slice(flat, slot.offset, slot.size), [...slot.shape]));
}

/** Copies the values of `flat` into the model's weights. */
export function writeParams(
  model: tf.LayersModel,
  flat: tf.Tensor1D,
  layout: readonly ParamSlot[],
): void {
  tf.tidy(() => model.setWeights(unpackParams(flat, layout)));
}
