// Bundles the CLI with the @repo/* packages it uses (consumed as TypeScript source) into dist/mlops.js.
// Third-party dependencies stay external: they are installed by `npm ci`, and TensorFlow.js needs
// its own files (the WebAssembly binaries) next to it at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const external = new Set();
for (const dir of readdirSync(new URL('../', import.meta.url))) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL(`../${dir}/package.json`, import.meta.url), 'utf8'));
  } catch {
    continue;
  }
  for (const field of ['dependencies', 'optionalDependencies', 'devDependencies']) {
    for (const name of Object.keys(manifest[field] ?? {})) {
      if (!name.startsWith('@repo/')) external.add(name);
    }
  }
}

await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/mlops.js',
  external: [...external].flatMap((name) => [name, `${name}/*`]),
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
