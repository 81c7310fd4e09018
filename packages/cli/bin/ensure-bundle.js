// Builds dist/mlops.js when it is missing or older than a source it bundles. One process builds at
// a time (dist/.build.lock); the others wait for it and then use its bundle.
import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildBundle, bundlePath, bundleState, distDir } from '../bundle.mjs';

const lockPath = join(distDir, '.build.lock');
/** A lock older than this belongs to a build that died: it is taken over. */
const STALE_LOCK_MS = 120_000;

/** The URL of a current bundle, building it first if needed; undefined (exit code set) if the build failed. */
export async function ensureBundle(argv) {
  const state = bundleState();
  if (state === 'current') return pathToFileURL(bundlePath).href;
  const quiet = argv.includes('--quiet') || argv.includes('-q');
  if (!quiet) {
    const why = state === 'missing' ? 'first run' : 'sources changed';
    process.stderr.write(`mlops: building the CLI (${why})\n`);
  }
  try {
    await withBuildLock(async () => {
      if (bundleState() !== 'current') await buildBundle();
    });
  } catch (error) {
    process.stderr.write(`mlops: building the CLI failed: ${error?.message ?? String(error)}\n`);
    process.exitCode = 70;
    return undefined;
  }
  return pathToFileURL(bundlePath).href;
}

async function withBuildLock(run) {
  mkdirSync(distDir, { recursive: true });
  for (;;) {
    try {
      closeSync(openSync(lockPath, 'wx'));
      break;
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
      if (lockAge() > STALE_LOCK_MS) rmSync(lockPath, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    await run();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

function lockAge() {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}
