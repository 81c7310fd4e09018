/**
 * The training and prediction backends, in the order `auto` tries them:
 * - `fused`: this project's WebAssembly SIMD MLP kernel (`@repo/mlp-kernel`): forward, backward
 *   and optimizer step in a few calls per batch, data-parallel on worker threads; TF.js (wasm, else
 *   cpu) only builds, saves and loads the layers model;
 * - `tensorflow`: `@tensorflow/tfjs-node` (libtensorflow), when it installed;
 * - `wasm`: `@tensorflow/tfjs-backend-wasm`, one TF.js op at a time;
 * - `cpu`: TF.js' pure-JavaScript backend, the last fallback.
 * Defined here, without TF.js, so that command lines and action inputs can list them cheaply.
 */
export const BACKEND_PREFERENCES = ['auto', 'fused', 'tensorflow', 'wasm', 'cpu'] as const;

/** Which backend to train on. `auto`: the first of fused, tensorflow, wasm, cpu that loads. */
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];
export type BackendName = Exclude<BackendPreference, 'auto'>;
