#!/usr/bin/env node
// The `mlops` command. The implementation is bundled into ../dist by ../bundle.mjs: on first use,
// and again whenever a source it bundled changed, so a stale bundle never runs.
import { ensureBundle } from './ensure-bundle.js';

// A reader that stopped reading (`mlops registry list | head -1`) is not a failure: end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const bundle = await ensureBundle(process.argv.slice(2));
if (bundle !== undefined) {
  const { main } = await import(bundle);
  process.exitCode = await main(process.argv.slice(2));
}
