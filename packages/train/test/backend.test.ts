import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { initBackend, selectedBackend } from '../src/backend';
import { BackendUnavailableError } from '../src/errors';

const saved = process.env.MLOPS_BACKEND;

afterEach(() => {
  if (saved === undefined) delete process.env.MLOPS_BACKEND;
  else process.env.MLOPS_BACKEND = saved;
});

async function tfjsNodeLoads(): Promise<boolean> {
  const name = '@tensorflow/tfjs-node';
  try {
    await import(name);
    return true;
  } catch {
    return false;
  }
}

describe('initBackend', () => {
  it('initialises the requested backend and logs it once', async () => {
    delete process.env.MLOPS_BACKEND;
    const lines: string[] = [];
    const info = await initBackend('cpu', { log: (msg) => lines.push(msg) });
    expect(info).toEqual({ name: 'cpu', version: tf.version_core });
    expect(tf.getBackend()).toBe('cpu');
    expect(lines).toEqual([`backend: cpu (tfjs ${tf.version_core})`]);
    // Idempotent: the same preference returns the same result without re-initialising.
    expect(await initBackend('cpu', { log: (msg) => lines.push(msg) })).toBe(info);
    expect(lines).toHaveLength(1);
  });

  it('lets MLOPS_BACKEND override the requested backend', async () => {
    process.env.MLOPS_BACKEND = 'wasm';
    const info = await initBackend('cpu');
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    process.env.MLOPS_BACKEND = 'cpu';
    expect((await initBackend('wasm')).name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('rejects an MLOPS_BACKEND that names no backend', async () => {
    process.env.MLOPS_BACKEND = 'gpu';
    await expect(initBackend()).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(initBackend()).rejects.toThrow('MLOPS_BACKEND=gpu is not one of');
  });

  it('picks the fused kernel in auto mode, with TF.js on wasm for the layers model', async () => {
    delete process.env.MLOPS_BACKEND;
    const debug: string[] = [];
    const info = await initBackend('auto', { debug: (msg) => debug.push(msg) });
    expect(info.name).toBe('fused');
    expect(selectedBackend()).toBe('fused');
    expect(tf.getBackend()).toBe('wasm');
    expect(debug).toEqual([]);
  });

  it('reports the backend an explicit choice selected, for synchronous callers', async () => {
    delete process.env.MLOPS_BACKEND;
    await initBackend('wasm');
    expect(selectedBackend()).toBe('wasm');
    await initBackend('fused');
    expect(selectedBackend()).toBe('fused');
  });

  it('throws BackendUnavailableError when tfjs-node is requested explicitly but cannot load', async () => {
    delete process.env.MLOPS_BACKEND;
    const attempt = initBackend('tensorflow');
    if (await tfjsNodeLoads()) {
      expect((await attempt).name).toBe('tensorflow');
    } else {
      await expect(attempt).rejects.toBeInstanceOf(BackendUnavailableError);
      await expect(attempt).rejects.toThrow(/backend tensorflow cannot be loaded/);
    }
  });
});
