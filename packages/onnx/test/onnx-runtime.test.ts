import { describe, expect, it, vi } from 'vitest';
import { exportMlpToOnnx, OnnxRuntimeUnavailableError, validateOnnx } from '../src/index';

// As on a runner without node_modules, or a platform without the native binary.
vi.mock('onnxruntime-node', () => {
  throw new Error('the native binary does not load here');
});

const layers = [
  {
    kernel: new Float32Array([0.5, -0.25]),
    kernelShape: [2, 1] as const,
    bias: new Float32Array([0.1]),
  },
];
const names = {
  model: 'toy',
  featureNames: ['a', 'b'],
  target: { name: 'y', transform: 'none' },
} as const;

describe('validateOnnx without ONNX Runtime', () => {
  it('throws OnnxRuntimeUnavailableError saying why and how to install it, never skipping', async () => {
    const bytes = exportMlpToOnnx(layers, { activation: 'relu', task: 'regression' }, names);
    const validation = validateOnnx(bytes, new Float32Array([1, 2]), [0.1], { model: 'toy' });
    await expect(validation).rejects.toThrow(OnnxRuntimeUnavailableError);
    await expect(
      validateOnnx(bytes, new Float32Array([1, 2]), [0.1], { model: 'toy' }),
    ).rejects.toThrow(
      /^onnxruntime-node cannot be loaded \(.+\): model\.onnx cannot be validated\. Install it/,
    );
  });
});
