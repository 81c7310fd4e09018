/**
 * Hands arrays and weights to the Python baselines as raw little-endian float32 files, so that
 * both sides work on the very same numbers.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { buildMlp } from '../src/index';

type LayersModel = Pick<ReturnType<typeof buildMlp>, 'getWeights'>;

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A fresh temporary folder and its removal. */
export async function temporaryDir(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `values` as raw little-endian float32 to `dir/name` and returns the path. */
export async function writeFloat32(dir: string, name: string, values: Float32Array) {
  if (!littleEndian) throw new Error('the float32 files of the Python baselines are little-endian');
  const path = join(dir, name);
  await writeFile(path, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  return path;
}

/** Reads a raw little-endian float32 file (the predictions a Python baseline wrote). */
export async function readFloat32(path: string): Promise<Float32Array> {
  const bytes = await readFile(path);
  if (bytes.byteLength % 4 !== 0)
    throw new Error(`${path}: ${bytes.byteLength} bytes is not float32`);
  return new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
}

/**
 * Writes each dense layer's kernel (`in × out`, row-major as TF.js holds it) and bias as
 * `w<i>.f32` / `b<i>.f32` under `dir`; returns the layer sizes `in,h1,…,1` for `--sizes`.
 */
export async function writeWeights(model: LayersModel, dir: string): Promise<string> {
  const weights = model.getWeights();
  const sizes: number[] = [];
  for (let i = 0; i < weights.length; i += 2) {
    const kernel = weights[i];
    const bias = weights[i + 1];
    if (kernel === undefined || bias === undefined || kernel.shape.length !== 2) {
      throw new Error(`weight ${i} of the model is not a dense kernel followed by its bias`);
    }
    if (i === 0) sizes.push(kernel.shape[0] as number);
    sizes.push(kernel.shape[1] as number);
    await writeFloat32(dir, `w${i / 2}.f32`, kernel.dataSync() as Float32Array);
    await writeFloat32(dir, `b${i / 2}.f32`, bias.dataSync() as Float32Array);
  }
  return sizes.join(',');
}

/** Largest |a[i] − b[i]|; throws when the lengths differ. */
export function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`${a.length} values against ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++)
    max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}
