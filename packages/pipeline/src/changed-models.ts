/**
 * Paths every model depends on: a change to one of them changes every model. An entry ending
 * in `/` is a folder (any file under it matches); any other entry is one file.
 */
export const DEFAULT_SHARED_PATHS: readonly string[] = [
  'data.dvc',
  '.dvc/config',
  'package-lock.json',
  'packages/',
  'actions/',
];

export interface ChangedModelsInput {
  /** Repository-relative paths that changed (`git diff --name-only base head`). */
  readonly changedFiles: readonly string[];
  /** The models of the repository (folders of `models/`). */
  readonly models: readonly string[];
  /** Replaces {@link DEFAULT_SHARED_PATHS}; spread the default to extend it. */
  readonly sharedPaths?: readonly string[];
}

/** `a/b` from `./a/b`, `a\b` or `/a/b`. */
function normalize(path: string): string {
  return path
    .replaceAll('\\', '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

function matchesShared(file: string, shared: string): boolean {
  const entry = normalize(shared);
  return entry.endsWith('/') ? file.startsWith(entry) : file === entry;
}

/**
 * The models a change touches, sorted and without duplicates: a model changes when a file under
 * `models/<name>/` changes; every model changes when a shared path changes (`data.dvc`,
 * `.dvc/config`, `package-lock.json`, anything under `packages/` by default). Files under the
 * folder of a model not in `models` are ignored, as is everything else (docs, workflows).
 */
export function changedModels(input: ChangedModelsInput): string[] {
  const known = new Set(input.models);
  const shared = input.sharedPaths ?? DEFAULT_SHARED_PATHS;
  const changed = new Set<string>();
  for (const raw of input.changedFiles) {
    const file = normalize(raw);
    if (shared.some((entry) => matchesShared(file, entry))) return [...known].sort();
    const match = /^models\/([^/]+)\/./.exec(file);
    const model = match?.[1];
    if (model !== undefined && known.has(model)) changed.add(model);
  }
  return [...changed].sort();
}
