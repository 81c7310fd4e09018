import { FileRegistry, type ModelRegistry } from '@repo/registry';
import type { BackendPreference } from '@repo/train/backend-names';
import { type WorkspacePaths, workspacePaths } from './workspace';

export type { BackendPreference };

/** Everything a pipeline step needs from its caller (the CLI, an action, a test). */
export interface PipelineContext {
  readonly paths: WorkspacePaths;
  readonly registry: ModelRegistry;
  readonly backend: BackendPreference;
  /** One line of diagnostics (the CLI sends it to stderr). */
  readonly log: (line: string) => void;
  /** Where training progress goes; `null` for none. */
  readonly progress: NodeJS.WritableStream | null;
}

export interface ContextOptions {
  readonly root?: string | undefined;
  readonly registryDir?: string | undefined;
  /** A registry other than the embedded file registry (e.g. GitHub Releases). */
  readonly registry?: ModelRegistry | undefined;
  readonly backend?: BackendPreference | undefined;
  readonly log?: ((line: string) => void) | undefined;
  readonly progress?: NodeJS.WritableStream | null | undefined;
}

export function createContext(options: ContextOptions = {}): PipelineContext {
  const paths = workspacePaths({ root: options.root, registryDir: options.registryDir });
  return {
    paths,
    registry: options.registry ?? new FileRegistry(paths.registryDir),
    backend: options.backend ?? 'auto',
    log: options.log ?? (() => {}),
    progress: options.progress === undefined ? process.stderr : options.progress,
  };
}
