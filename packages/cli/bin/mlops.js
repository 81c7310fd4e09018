#!/usr/bin/env node
// The `mlops` command. The implementation is bundled into ../dist by `npm run build -w @repo/cli`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/mlops.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'mlops: not built yet. Run `npx turbo run build --filter=@repo/cli` first.\n',
  );
  process.exit(70);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
