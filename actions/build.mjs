// Bundles every action (a folder of actions/ holding action.yml) into a self-contained
// `dist/index.js`: runners have no node_modules, so everything is bundled, ESM for node 20+
// (the actions run on node24). Deterministic: the same sources and lockfile give the same bytes,
// so CI checks `npm run build:actions && git diff --exit-code actions/*/dist`.
//
//   node actions/build.mjs            build every action
//   node actions/build.mjs report     build some
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const actionsDir = join(root, 'actions');
const require = createRequire(import.meta.url);

/** Actions whose cold start matters: TensorFlow.js must not be in their bundle. */
const WITHOUT_TFJS = new Set(['changed-models']);
/** The wasm binary `@repo/train` loads in Node (SIMD, no threads), copied next to the bundle. */
const WASM_FILES = ['tfjs-backend-wasm-simd.wasm'];

/**
 * The bundled TF.js wasm glue and other CommonJS code expect `require`, `__filename` and
 * `__dirname`, which ES modules do not have.
 */
const BANNER = [
  "import { createRequire as __mlopsCreateRequire } from 'node:module';",
  "import { dirname as __mlopsDirname } from 'node:path';",
  "import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';",
  'const require = __mlopsCreateRequire(import.meta.url);',
  'const __filename = __mlopsFileURLToPath(import.meta.url);',
  'const __dirname = __mlopsDirname(__filename);',
].join('\n');

/**
 * The workspace's own TypeScript (packages/*\/src, actions/*\/src) has no import-time side effects
 * that matter when none of a module's exports is used, so unused modules are dropped: importing
 * `changedModels` from `@repo/pipeline` must not pull in TensorFlow.js through `trainModel`.
 */
const workspaceSideEffectFree = {
  name: 'workspace-side-effect-free',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      if (args.kind === 'entry-point' || args.importer.includes(`${sep}node_modules${sep}`)) {
        return undefined;
      }
      const result = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (result.errors.length > 0 || result.external) return undefined;
      const rel = relative(root, result.path).split(sep).join('/');
      const own = /^(packages|actions)\/[^/]+\/src\//.test(rel);
      return own ? { ...result, sideEffects: false } : result;
    });
  },
};

async function listActions(only) {
  const entries = await readdir(actionsDir, { withFileTypes: true });
  const names = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const hasActionYml = await stat(join(actionsDir, entry.name, 'action.yml')).then(
      () => true,
      () => false,
    );
    if (hasActionYml && (only.length === 0 || only.includes(entry.name))) names.push(entry.name);
  }
  const unknown = only.filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new Error(`no action named ${unknown.join(', ')} in ${actionsDir}`);
  return names.sort();
}

async function buildAction(name) {
  const dir = join(actionsDir, name);
  const dist = join(dir, 'dist');
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(dir, 'src', 'index.ts')],
    outfile: join(dist, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The native addon is optional (`auto` falls back to wasm); it cannot be bundled.
    external: ['@tensorflow/tfjs-node'],
    mainFields: ['module', 'main'],
    conditions: ['node', 'import'],
    banner: { js: BANNER },
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
    plugins: [workspaceSideEffectFree],
  });
  // What is in the output (inputs.metafile also lists modules tree-shaking dropped).
  const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, info]) => info.bytesInOutput > 0)
      .map(([input]) => input),
  );
  const tfjs = inputs.filter((input) => input.includes('node_modules/@tensorflow/'));
  if (WITHOUT_TFJS.has(name) && tfjs.length > 0) {
    throw new Error(
      `actions/${name}: TensorFlow.js must stay out of this bundle (cold start), but it is imported through ${importChain(result.metafile, `actions/${name}/src/index.ts`, tfjs[0]).join(' → ')}`,
    );
  }
  const files = ['index.js'];
  if (inputs.some((input) => input.includes('node_modules/@tensorflow/tfjs-backend-wasm/'))) {
    const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')));
    for (const file of WASM_FILES) {
      await copyFile(join(wasmDir, file), join(dist, file));
      files.push(file);
    }
  }
  const sizes = [];
  for (const file of files) sizes.push(`${file} ${formatKiB((await stat(join(dist, file))).size)}`);
  return `actions/${name}/dist: ${sizes.join(', ')}${tfjs.length > 0 ? ' (TensorFlow.js)' : ''}`;
}

/** The shortest chain of imports from the entry point to `target`, from the metafile. */
function importChain(metafile, entry, target) {
  const previous = new Map([[entry, undefined]]);
  const queue = [entry];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === target) break;
    for (const imported of metafile.inputs[current]?.imports ?? []) {
      if (previous.has(imported.path)) continue;
      previous.set(imported.path, current);
      queue.push(imported.path);
    }
  }
  const chain = [];
  for (let at = target; at !== undefined; at = previous.get(at)) chain.unshift(at);
  return chain;
}

function formatKiB(bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

const names = await listActions(process.argv.slice(2));
for (const name of names) console.log(await buildAction(name));
