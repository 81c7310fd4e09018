import { ACTIVATION_CODES, type KernelActivation, type KernelTask, TASK_CODES } from './codes';

/** One dense layer in the kernel's padded parameter vector (offsets and sizes in floats). */
export interface LayerLayout {
  readonly inputs: number;
  readonly units: number;
  /** `inputs` and `units` rounded up to a multiple of 4 (the SIMD width); the padding is zero. */
  readonly inPad: number;
  readonly outPad: number;
  /** The kernel, `inPad × outPad` row-major (TF.js' `[in, out]`), at this offset. */
  readonly kernelOffset: number;
  /** The bias, `outPad` values, at this offset. */
  readonly biasOffset: number;
}

/** A network as the kernel sees it: plain data, so it can be posted to worker threads. */
export interface NetworkLayout {
  readonly layers: readonly LayerLayout[];
  /** Floats in the padded parameter vector (a multiple of 4). */
  readonly paramCount: number;
  /** Code of the hidden layers' activation (`ACTIVATION_CODES`). */
  readonly activation: number;
  /** Code of the output's loss (`TASK_CODES`). */
  readonly task: number;
}

/** Rounds up to a multiple of 4. */
export function pad4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * The padded layout of the MLP `sizes[0] → sizes[1] → … → sizes[last]` (inputs, hidden units,
 * outputs) with `activation` on the hidden layers and the output loss of `task`.
 */
export function networkLayout(
  sizes: readonly number[],
  activation: KernelActivation,
  task: KernelTask,
): NetworkLayout {
  if (sizes.length < 2) throw new RangeError('a network needs an input and an output size');
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`layer sizes must be positive integers, got ${sizes.join(', ')}`);
    }
  }
  let offset = 0;
  const layers: LayerLayout[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l] as number;
    const units = sizes[l + 1] as number;
    const inPad = pad4(inputs);
    const outPad = pad4(units);
    layers.push({
      inputs,
      units,
      inPad,
      outPad,
      kernelOffset: offset,
      biasOffset: offset + inPad * outPad,
    });
    offset += inPad * outPad + outPad;
  }
  return {
    layers,
    paramCount: offset,
    activation: ACTIVATION_CODES[activation],
    task: TASK_CODES[task],
  };
}

/**
 * The padded parameter vector of `weights`: kernel `[inputs × units]` then bias `[units]` per
 * layer, the order of TF.js' `model.getWeights()`.
 */
export function packWeights(layout: NetworkLayout, weights: readonly Float32Array[]): Float32Array {
  if (weights.length !== layout.layers.length * 2) {
    throw new RangeError(
      `expected ${layout.layers.length * 2} weight arrays (kernel and bias per layer), got ${weights.length}`,
    );
  }
  const params = new Float32Array(layout.paramCount);
  layout.layers.forEach((layer, l) => {
    const kernel = weights[2 * l] as Float32Array;
    const bias = weights[2 * l + 1] as Float32Array;
    if (kernel.length !== layer.inputs * layer.units || bias.length !== layer.units) {
      throw new RangeError(
        `layer ${l + 1}: kernel has ${kernel.length} values and bias ${bias.length}, expected ${layer.inputs}×${layer.units} and ${layer.units}`,
      );
    }
    for (let i = 0; i < layer.inputs; i++) {
      params.set(
        kernel.subarray(i * layer.units, (i + 1) * layer.units),
        layer.kernelOffset + i * layer.outPad,
      );
    }
    params.set(bias, layer.biasOffset);
  });
  return params;
}

/** The inverse of `packWeights`: unpadded kernel and bias arrays per layer. */
export function unpackWeights(layout: NetworkLayout, params: Float32Array): Float32Array[] {
  const weights: Float32Array[] = [];
  for (const layer of layout.layers) {
    const kernel = new Float32Array(layer.inputs * layer.units);
    for (let i = 0; i < layer.inputs; i++) {
      const from = layer.kernelOffset + i * layer.outPad;
      kernel.set(params.subarray(from, from + layer.units), i * layer.units);
    }
    weights.push(kernel, params.slice(layer.biasOffset, layer.biasOffset + layer.units));
  }
  return weights;
}

/**
 * Row-major `rows × width` copied into `out` (default: a new array) as rows of `pad4(width)`
 * floats, the padding zero.
 */
export function padRows(
  x: Float32Array,
  rows: number,
  width: number,
  out: Float32Array = new Float32Array(rows * pad4(width)),
): Float32Array {
  const stride = pad4(width);
  if (out.length !== rows * stride) {
    throw new RangeError(`padRows: out holds ${out.length} floats, expected ${rows * stride}`);
  }
  if (stride === width) {
    out.set(x.subarray(0, rows * width));
    return out;
  }
  for (let r = 0; r < rows; r++) out.set(x.subarray(r * width, (r + 1) * width), r * stride);
  return out;
}
