// The CLI bundle (dist/mlops.js) and the record of what it was built from (dist/build-info.json).
// bin/mlops.js checks the record on every start and rebuilds when a bundled source changed, so a
// fresh `npm ci` works and a stale bundle never runs. The check only stats the files the bundle was
// made of (esbuild's metafile inputs, plus this file and the build settings), never reads them.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = fileURLToPath(new URL('./', import.meta.url));
const repoRoot = join(cliDir, '../..');
export const distDir = join(cliDir, 'dist');
export const bundlePath = join(distDir, 'mlops.js');
const infoPath = join(distDir, 'build-info.json');

/** Files outside the metafile that change what the bundle is: the build itself and the CLI manifest. */
const BUILD_FILES = ['packages/cli/bundle.mjs', 'packages/cli/package.json'];

/** `[path, mtimeMs, size]` of a file relative to the repository root, or undefined when it is gone. */
function stamp(path) {
  try {
    const stats = statSync(join(repoRoot, path));
    return [path, stats.mtimeMs, stats.size];
  } catch {
    return undefined;
  }
}

/**
 * Whether dist holds a bundle built from the sources as they are now: `missing` (never built),
 * `stale` (a source it bundled changed, moved or went away) or `current`.
 */
export function bundleState() {
  let info;
  try {
    info = JSON.parse(readFileSync(infoPath, 'utf8'));
    statSync(bundlePath);
  } catch {
    return 'missing';
  }
  if (!Array.isArray(info.files)) return 'stale';
  for (const [path, mtimeMs, size] of info.files) {
    const now = stamp(path);
    if (now === undefined || now[1] !== mtimeMs || now[2] !== size) return 'stale';
  }
  return 'current';
}

/** The build files and every file under packages/<name>/src, relative to the repository root. */
function sourceFiles() {
  const files = [...BUILD_FILES];
  for (const dir of readdirSync(join(repoRoot, 'packages'))) {
    const src = join('packages', dir, 'src');
    try {
      for (const entry of readdirSync(join(repoRoot, src), {
        recursive: true,
        withFileTypes: true,
      })) {
        if (entry.isFile()) files.push(relative(repoRoot, join(entry.parentPath, entry.name)));
      }
    } catch {
      // a package without src/
    }
  }
  return files;
}

/** The third-party packages the @repo/* packages depend on: installed by `npm ci`, left external. */
function externalPackages() {
  const external = new Set();
  for (const dir of readdirSync(join(repoRoot, 'packages'))) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const field of ['dependencies', 'optionalDependencies', 'devDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (!name.startsWith('@repo/')) external.add(name);
      }
    }
  }
  return [...external].flatMap((name) => [name, `${name}/*`]);
}

/**
 * Bundles src/main.ts with the @repo/* packages it uses (consumed as TypeScript source) into
 * dist/mlops.js. Every file is written next to its place and renamed into it, so a process
 * starting meanwhile reads the old bundle or the new one, never half of one.
 */
export async function buildBundle() {
  const { build } = await import('esbuild');
  // Stamped before building: a source edited while esbuild runs makes the next start rebuild.
  const before = new Map(sourceFiles().map((path) => [path, stamp(path)]));
  const result = await build({
    entryPoints: [join(cliDir, 'src/main.ts')],
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundlePath,
    external: externalPackages(),
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    write: false,
  });
  const inputs = Object.keys(result.metafile.inputs).filter(
    (path) => !path.includes('node_modules'),
  );
  const files = [...BUILD_FILES, ...inputs.map((path) => relative(repoRoot, join(repoRoot, path)))]
    .map((path) => before.get(path) ?? stamp(path))
    .filter((entry) => entry !== undefined);
  mkdirSync(distDir, { recursive: true });
  const outputs = [
    ...result.outputFiles.map((file) => ({ path: file.path, contents: file.contents })),
    { path: infoPath, contents: `${JSON.stringify({ files })}\n` },
  ];
  for (const { path, contents } of outputs) {
    const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  }
}
