import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KERNEL_SHA256, kernelSupported } from '@repo/mlp-kernel';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { BACKEND_PREFERENCES, type BackendName, type BackendPreference } from './backend-names';
import { BackendUnavailableError } from './errors';

export type { BackendName, BackendPreference } from './backend-names';

export interface BackendInfo {
  readonly name: BackendName;
  /** Version of `@tensorflow/tfjs-core`. */
  readonly version: string;
  /** The fused backend's kernel: the sha256 of its WebAssembly module. */
  readonly kernel?: string;
}

export interface InitBackendOptions {
  /** Receives one line such as `backend: wasm (tfjs 4.22.0)`. */
  readonly log?: (msg: string) => void;
  /** Receives diagnostics, e.g. why tfjs-node could not be loaded in `auto` mode. */
  readonly debug?: (msg: string) => void;
}

const PREFERENCES: readonly BackendPreference[] = BACKEND_PREFERENCES;
/** Not a string literal in `import()`, so that bundlers leave the optional native addon alone. */
const TFJS_NODE = '@tensorflow/tfjs-node';
/** The binary the wasm backend loads in Node (SIMD, no threads). */
const WASM_FILE = 'tfjs-backend-wasm-simd.wasm';

// The banner ("Hi, looks like you are running TensorFlow.js in Node.js..."), "Platform node has
// already been set" and kernel re-registration warnings are all suppressed in PROD mode.
tf.env().set('PROD', true);

let active: { preference: BackendPreference; info: Promise<BackendInfo> } | undefined;
/** The backend of the last completed `initBackend`, for synchronous callers such as `predict`. */
let selected: BackendName | undefined;

/**
 * Selects and initialises the TF.js backend. `MLOPS_BACKEND` (if set) overrides `preference`.
 * Idempotent: repeated calls with the same effective preference return the first result;
 * a different preference switches backends. An explicitly requested backend that cannot be
 * loaded throws `BackendUnavailableError`; in `auto` mode failures fall through to the next.
 */
export function initBackend(
  preference: BackendPreference = 'auto',
  options: InitBackendOptions = {},
): Promise<BackendInfo> {
  let effective: BackendPreference;
  try {
    effective = effectivePreference(preference);
  } catch (error) {
    return Promise.reject(error);
  }
  if (active?.preference === effective) return active.info;
  const info = select(effective, options.debug ?? (() => {})).then((chosen) => {
    options.log?.(`backend: ${chosen.name} (tfjs ${chosen.version})`);
    selected = chosen.name;
    return chosen;
  });
  active = { preference: effective, info };
  info.catch(() => {
    if (active?.info === info) active = undefined;
  });
  return info;
}

/** The backend selected by `initBackend`, initialising with `auto` (or `MLOPS_BACKEND`) if none is. */
export function ensureBackend(): Promise<BackendInfo> {
  return active?.info ?? initBackend();
}

/** The backend the last completed `initBackend` selected, if any. */
export function selectedBackend(): BackendName | undefined {
  return selected;
}

/** The preference in effect: `MLOPS_BACKEND` when set (validated), else `preference`. */
export function effectivePreference(preference: BackendPreference): BackendPreference {
  const fromEnv = process.env.MLOPS_BACKEND?.trim();
  if (fromEnv === undefined || fromEnv === '') return preference;
  if (!(PREFERENCES as readonly string[]).includes(fromEnv)) {
    throw new BackendUnavailableError(
      fromEnv,
      `MLOPS_BACKEND=${fromEnv} is not one of ${PREFERENCES.join(', ')}`,
    );
  }
  return fromEnv as BackendPreference;
}

async function select(preference: BackendPreference, debug: (msg: string) => void) {
  if (preference !== 'auto') {
    await activate(preference);
    return describe(preference);
  }
  for (const name of ['fused', 'tensorflow', 'wasm'] as const) {
    try {
      await activate(name);
      return describe(name);
    } catch (error) {
      debug(`backend ${name} unavailable: ${error instanceof Error ? error.message : error}`);
    }
  }
  await activate('cpu');
  return describe('cpu');
}

async function activate(name: BackendName): Promise<void> {
  if (name === 'fused') return activateFused();
  try {
    if (name === 'tensorflow') await registerTfjsNode();
    if (name === 'wasm') configureWasmPaths();
    await setBackendOrThrow(name);
    await tf.ready();
    // A smoke test: some backends register but fail on first use.
    tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackendUnavailableError(name, `backend ${name} cannot be loaded: ${reason}`, {
      cause: error,
    });
  }
}

/**
 * The fused kernel trains and predicts; TF.js still builds, saves and loads the layers model, on
 * wasm when it loads, else on cpu (neither changes the kernel's numbers).
 */
async function activateFused(): Promise<void> {
  if (!kernelSupported()) {
    throw new BackendUnavailableError(
      'fused',
      'backend fused cannot be loaded: this runtime cannot compile WebAssembly SIMD',
    );
  }
  try {
    await activate('wasm');
  } catch {
    await activate('cpu');
  }
}

async function registerTfjsNode(): Promise<void> {
  if (tf.findBackendFactory('tensorflow') !== null) return;
  // Quiets the native library's C++ start-up log lines.
  process.env.TF_CPP_MIN_LOG_LEVEL ??= '2';
  await import(TFJS_NODE);
  if (tf.findBackendFactory('tensorflow') === null) {
    throw new Error(`${TFJS_NODE} loaded but did not register the 'tensorflow' backend`);
  }
}

/**
 * `tf.setBackend` reports an initialisation failure only through a warning (muted in PROD mode)
 * and a `false` result; this surfaces the warning's text as the error message instead.
 */
async function setBackendOrThrow(name: BackendName): Promise<void> {
  const warnings: string[] = [];
  const warn = console.warn;
  tf.env().set('PROD', false);
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  try {
    if (await tf.setBackend(name)) return;
  } finally {
    console.warn = warn;
    tf.env().set('PROD', true);
  }
  const reason = warnings.filter((w) => !w.startsWith('Initialization of backend')).join('; ');
  throw new Error(reason || `tf.setBackend('${name}') returned false`);
}

let wasmPathsSet = false;

/**
 * Points the wasm backend at its `.wasm` files on disk: the installed package's `dist/`, resolved
 * from this module (also when bundled, if `node_modules` is reachable from the bundle), else the
 * bundle's own directory if the `.wasm` files were copied next to it.
 */
function configureWasmPaths(): void {
  if (wasmPathsSet) return;
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
  } catch (error) {
    dir = dirname(fileURLToPath(import.meta.url));
    if (!existsSync(join(dir, WASM_FILE))) {
      throw new Error(
        `cannot resolve @tensorflow/tfjs-backend-wasm and no ${WASM_FILE} next to ${fileURLToPath(import.meta.url)}`,
        { cause: error },
      );
    }
  }
  setWasmPaths(`${dir}/`);
  wasmPathsSet = true;
}

function describe(name: BackendName): BackendInfo {
  return name === 'fused'
    ? { name, version: tf.version_core, kernel: KERNEL_SHA256 }
    : { name, version: tf.version_core };
}
