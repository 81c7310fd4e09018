/// <reference path="./webassembly.d.ts" />
import { KERNEL_WASM_BASE64, KERNEL_WASM_SHA256 } from './generated/kernel-wasm';

/** The sha256 of the kernel's WebAssembly module: which kernel trained a model (its lineage). */
export const KERNEL_SHA256 = KERNEL_WASM_SHA256;

/** The functions assembly/index.ts exports; pointers are byte addresses in the instance's memory. */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  gemm(a: number, w: number, bias: number, c: number, m: number, k: number, n: number): void;
  gradWeights(a: number, dz: number, gw: number, gb: number, m: number, k: number, n: number): void;
  transpose(w: number, wt: number, k: number, n: number): void;
  activate(x: number, count: number, act: number): void;
  activationGrad(d: number, h: number, count: number, act: number): void;
  outputGrad(
    z: number,
    y: number,
    dz: number,
    m: number,
    n: number,
    rows: number,
    task: number,
    scale: number,
  ): number;
  lossSum(z: number, y: number, n: number, rows: number, task: number): number;
  addInto(dst: number, src: number, count: number): void;
  adamStep(
    theta: number,
    grad: number,
    m: number,
    v: number,
    count: number,
    beta1: number,
    beta2: number,
    oneMinusBeta1: number,
    oneMinusBeta2: number,
    c1: number,
    c2: number,
    epsilon: number,
  ): void;
  sgdStep(theta: number, grad: number, count: number, lr: number): void;
}

let compiled: WebAssembly.Module | undefined;

/**
 * The compiled kernel module (compiled once per thread; a `WebAssembly.Module` can be posted to
 * worker threads). Throws where WebAssembly SIMD is not supported.
 */
export function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(decodeBase64(KERNEL_WASM_BASE64));
  return compiled;
}

/** Whether this runtime can compile the kernel (WebAssembly with SIMD). */
export function kernelSupported(): boolean {
  try {
    kernelModule();
    return true;
  } catch {
    return false;
  }
}

/** A new instance with its own memory. */
export function instantiateKernel(module: WebAssembly.Module = kernelModule()): KernelExports {
  return new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
}

function decodeBase64(text: string): Uint8Array {
  if (typeof Buffer !== 'undefined') return new Uint8Array(Buffer.from(text, 'base64'));
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
