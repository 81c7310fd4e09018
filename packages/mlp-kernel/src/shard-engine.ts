import type { KernelExports } from './kernel-module';
import type { NetworkLayout } from './layout';

/** What one thread computes with its own kernel instance: forward passes and shard gradients. */
export interface ShardEngine {
  /** The network's padded parameters, in the instance's memory (write before computing). */
  readonly params: Float32Array;
  /** The last gradient (`gradient`), padded like `params`. */
  readonly grad: Float32Array;
  /** Input rows (`maxRows × inPad`), and targets, in the instance's memory. */
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Copies rows `indices[start … start+count)` of padded `sourceX` (and `sourceY`) into x, y. */
  gather(
    sourceX: Float32Array,
    sourceY: Float32Array,
    indices: Int32Array,
    start: number,
    count: number,
  ): void;
  /** Forward pass over the first `rows` rows of x; returns output column 0 into `out`. */
  forward(rows: number, out: Float32Array, outOffset: number): void;
  /** Summed loss of the first `rows` rows against y (forward only). */
  loss(rows: number): number;
  /**
   * Forward and backward pass over the first `rows` rows of x, y: fills `grad` with the gradient
   * of the batch-mean loss (the batch has `batchRows` rows, of which this shard is a part) and
   * returns the summed loss of the shard's rows.
   */
  gradient(rows: number, batchRows: number): number;
  /** The batch gradient: the shard gradients summed in the order given (always the same order). */
  reduce(shards: readonly Float32Array[]): void;
  /**
   * One Adam step of `params` with the reduced gradient (`t` is 1-based), the update of TF.js'
   * `tf.train.adam` in float32.
   */
  adam(t: number, learningRate: number, beta1: number, beta2: number, epsilon: number): void;
  /** One SGD step of `params` with the reduced gradient. */
  sgd(learningRate: number): void;
}

/**
 * Buffers for up to `maxRows` rows in a fresh region of `kernel`'s memory, and the forward and
 * backward passes over them.
 *
 * Self-contained on purpose: worker threads get this function's source text
 * (`Function.prototype.toString`), so it may use only its arguments and JavaScript built-ins —
 * no imports, no helpers defined outside it. Every thread thus runs the same code.
 */
export function createShardEngine(
  kernel: KernelExports,
  layout: NetworkLayout,
  maxRows: number,
): ShardEngine {
  const align = (bytes: number) => (bytes + 15) & ~15;
  const mMax = (maxRows + 3) & ~3;
  const layers = layout.layers;
  const last = layers.length - 1;
  const inPad = (layers[0] as NetworkLayout['layers'][number]).inPad;
  let widest = 0;
  let widestKernel = 0;
  for (const layer of layers) {
    widest = Math.max(widest, layer.inPad, layer.outPad);
    widestKernel = Math.max(widestKernel, layer.inPad * layer.outPad);
  }
  let next = align(kernel.heapBase());
  const plan: Record<string, number> = {};
  const reserve = (name: string, floats: number) => {
    plan[name] = next;
    next = align(next + floats * 4);
  };
  reserve('params', layout.paramCount);
  reserve('grad', layout.paramCount);
  reserve('x', mMax * inPad);
  reserve('y', mMax);
  for (let l = 0; l < layers.length; l++) {
    reserve(`h${l}`, mMax * (layers[l] as NetworkLayout['layers'][number]).outPad);
  }
  reserve('dzA', mMax * widest);
  reserve('dzB', mMax * widest);
  reserve('wt', widestKernel);
  reserve('sum', layout.paramCount);
  reserve('shard', layout.paramCount);
  reserve('m', layout.paramCount);
  reserve('v', layout.paramCount);
  const memory = kernel.memory;
  const missing = next - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  const view = (name: string, floats: number) =>
    new Float32Array(memory.buffer, plan[name] as number, floats);
  const params = view('params', layout.paramCount);
  const grad = view('grad', layout.paramCount);
  const x = view('x', mMax * inPad);
  const y = view('y', mMax);
  const output = view(`h${last}`, mMax * (layers[last] as NetworkLayout['layers'][number]).outPad);
  const sum = view('sum', layout.paramCount);
  const shard = view('shard', layout.paramCount);
  const at = (name: string) => plan[name] as number;
  const input = (l: number) => (l === 0 ? at('x') : at(`h${l - 1}`));

  function check(rows: number) {
    if (!Number.isInteger(rows) || rows < 1 || rows > maxRows) {
      throw new RangeError(`shard of ${rows} rows, this engine holds 1 to ${maxRows}`);
    }
    return (rows + 3) & ~3;
  }

  function runForward(m: number) {
    layers.forEach((layer, l) => {
      const h = at(`h${l}`);
      kernel.gemm(
        input(l),
        at('params') + layer.kernelOffset * 4,
        at('params') + layer.biasOffset * 4,
        h,
        m,
        layer.inPad,
        layer.outPad,
      );
      if (l < last) kernel.activate(h, m * layer.outPad, layout.activation);
    });
  }

  return {
    params,
    grad,
    x,
    y,
    gather(sourceX, sourceY, indices, start, count) {
      const m = check(count);
      // Element loops, not `subarray` + `set`: no garbage per row.
      for (let r = 0; r < count; r++) {
        const row = indices[start + r] as number;
        const from = row * inPad;
        const to = r * inPad;
        for (let j = 0; j < inPad; j++) x[to + j] = sourceX[from + j] as number;
        y[r] = sourceY[row] as number;
      }
      x.fill(0, count * inPad, m * inPad);
      y.fill(0, count, m);
    },
    forward(rows, out, outOffset) {
      const m = check(rows);
      runForward(m);
      const stride = (layers[last] as NetworkLayout['layers'][number]).outPad;
      for (let r = 0; r < rows; r++) out[outOffset + r] = output[r * stride] as number;
    },
    loss(rows) {
      const m = check(rows);
      runForward(m);
      const stride = (layers[last] as NetworkLayout['layers'][number]).outPad;
      return kernel.lossSum(at(`h${last}`), at('y'), stride, rows, layout.task);
    },
    gradient(rows, batchRows) {
      const m = check(rows);
      runForward(m);
      const top = layers[last] as NetworkLayout['layers'][number];
      const scale = layout.task === 0 ? 2 / batchRows : 1 / batchRows;
      let dz = at('dzA');
      let spare = at('dzB');
      const lossSum = kernel.outputGrad(
        at(`h${last}`),
        at('y'),
        dz,
        m,
        top.outPad,
        rows,
        layout.task,
        Math.fround(scale),
      );
      for (let l = last; l >= 0; l--) {
        const layer = layers[l] as NetworkLayout['layers'][number];
        kernel.gradWeights(
          input(l),
          dz,
          at('grad') + layer.kernelOffset * 4,
          at('grad') + layer.biasOffset * 4,
          m,
          layer.inPad,
          layer.outPad,
        );
        if (l === 0) break;
        kernel.transpose(
          at('params') + layer.kernelOffset * 4,
          at('wt'),
          layer.inPad,
          layer.outPad,
        );
        kernel.gemm(dz, at('wt'), 0, spare, m, layer.outPad, layer.inPad);
        kernel.activationGrad(spare, input(l), m * layer.inPad, layout.activation);
        [dz, spare] = [spare, dz];
      }
      return lossSum;
    },
    reduce(shards) {
      shards.forEach((gradient, s) => {
        if (s === 0) {
          sum.set(gradient);
        } else {
          shard.set(gradient);
          kernel.addInto(at('sum'), at('shard'), layout.paramCount);
        }
      });
    },
    adam(t, learningRate, beta1, beta2, epsilon) {
      kernel.adamStep(
        at('params'),
        at('sum'),
        at('m'),
        at('v'),
        layout.paramCount,
        beta1,
        beta2,
        1 - beta1,
        1 - beta2,
        Math.fround(learningRate / (1 - beta1 ** t)),
        Math.fround(1 / (1 - beta2 ** t)),
        epsilon,
      );
    },
    sgd(learningRate) {
      kernel.sgdStep(at('params'), at('sum'), layout.paramCount, learningRate);
    },
  };
}
