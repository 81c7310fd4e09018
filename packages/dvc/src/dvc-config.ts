import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DvcConfigError } from './errors';

/** One `['remote "name"']` section. */
export interface RemoteConfig {
  readonly name: string;
  /** As resolved: an absolute filesystem path for local remotes, the URL otherwise. */
  readonly url: string;
  /** The `url` value exactly as written in the config file. */
  readonly rawUrl: string;
  /** The file the `url` came from (relative local paths resolve against its folder). */
  readonly file: string;
  /** Every key of the section, as written (including `url`). */
  readonly options: Readonly<Record<string, string>>;
}

/** How a cached object becomes a workspace file (DVC's `cache.type`). */
export type CacheLinkType = 'reflink' | 'copy' | 'hardlink' | 'symlink';

const LINK_TYPES: readonly CacheLinkType[] = ['reflink', 'copy', 'hardlink', 'symlink'];

/** DVC's default: a copy-on-write clone where the filesystem has them, else a copy. Never a link. */
export const DEFAULT_CACHE_TYPES: readonly CacheLinkType[] = ['reflink', 'copy'];

/** The merged `.dvc/config` + `.dvc/config.local`. */
export interface DvcConfig {
  /** Absolute repository root. */
  readonly root: string;
  /** `<root>/.dvc`. */
  readonly dvcDir: string;
  /** `core.remote`, if set. */
  readonly defaultRemote?: string;
  readonly remotes: Readonly<Record<string, RemoteConfig>>;
  /** Absolute cache folder: `cache.dir` resolved against `.dvc/`, default `.dvc/cache`. */
  readonly cacheDir: string;
  /**
   * `cache.type`: the link types to try, in order, for checkout (default `reflink,copy`);
   * `hardlink` and `symlink` only when configured (the workspace file then is the cache
   * object, read-only).
   */
  readonly cacheTypes: readonly CacheLinkType[];
  /** The config files that existed and were read, in order (later ones override). */
  readonly files: readonly string[];
}

type Sections = Map<string, Map<string, { value: string; file: string }>>;

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

function unquote(text: string): string {
  const first = text.charAt(0);
  if (text.length >= 2 && (first === '"' || first === "'") && text.endsWith(first)) {
    return text.slice(1, -1);
  }
  return text;
}

/** A value as configobj reads it: quoted text verbatim, else up to an inline `#` comment. */
function parseValue(raw: string, file: string, line: number): string {
  const text = raw.trim();
  const quote = text.charAt(0);
  if (quote === '"' || quote === "'") {
    const end = text.indexOf(quote, 1);
    const rest = end === -1 ? '' : text.slice(end + 1).trim();
    if (end === -1 || (rest !== '' && !rest.startsWith('#'))) {
      throw new DvcConfigError(file, `unbalanced quotes in value ${text}`, { line });
    }
    return text.slice(1, end);
  }
  const hash = text.indexOf('#');
  return (hash === -1 ? text : text.slice(0, hash)).trim();
}

/** Section name without brackets or outer quotes: `core`, `remote "storage"`, `cache`. */
function parseSectionName(raw: string): string {
  const name = unquote(raw.trim());
  const remote = /^remote\s+(["'])(.+)\1$/.exec(name);
  return remote ? `remote "${remote[2]}"` : name.trim();
}

/** Parse INI text (configobj dialect used by DVC) into `sections`, later keys overriding. */
export function parseDvcConfigText(
  text: string,
  file: string,
  into: Sections = new Map(),
): Sections {
  let current: Map<string, { value: string; file: string }> | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    const lineNo = index + 1;
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    if (line.startsWith('[')) {
      const close = line.lastIndexOf(']');
      if (close === -1)
        throw new DvcConfigError(file, `unclosed section header ${line}`, { line: lineNo });
      const name = parseSectionName(line.slice(1, close));
      current = into.get(name) ?? new Map();
      into.set(name, current);
      return;
    }
    const eq = line.indexOf('=');
    if (eq === -1)
      throw new DvcConfigError(file, `expected "key = value", got ${line}`, { line: lineNo });
    if (current === undefined) {
      throw new DvcConfigError(file, `key outside of any [section]: ${line}`, { line: lineNo });
    }
    const key = line.slice(0, eq).trim();
    if (key === '') throw new DvcConfigError(file, `empty key in ${line}`, { line: lineNo });
    current.set(key, { value: parseValue(line.slice(eq + 1), file, lineNo), file });
  });
  return into;
}

/** `cache.type` as DVC reads it: a comma-separated list of link types. */
function parseCacheTypes(entry: { value: string; file: string } | undefined): CacheLinkType[] {
  if (entry === undefined) return [...DEFAULT_CACHE_TYPES];
  const types = entry.value.split(',').map((part) => part.trim());
  for (const type of types) {
    if (!(LINK_TYPES as readonly string[]).includes(type)) {
      throw new DvcConfigError(
        entry.file,
        `cache.type: unknown link type "${type}" in "${entry.value}" (known: ${LINK_TYPES.join(', ')})`,
      );
    }
  }
  return types as CacheLinkType[];
}

/** Local remote paths (no scheme, or file://) resolve against the config file's folder. */
export function resolveRemoteUrl(url: string, configFile: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url);
  if (SCHEME.test(url)) return url;
  return isAbsolute(url) ? url : resolve(dirname(configFile), url);
}

/** Is `url` (as resolved) a local filesystem path rather than a network URL? */
export function isLocalUrl(url: string): boolean {
  return !SCHEME.test(url);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DvcConfigError(file, `cannot read: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Read `<root>/.dvc/config` then `<root>/.dvc/config.local` (which overrides). Missing files
 * are fine (empty config). Relative local remote URLs and `cache.dir` are resolved against
 * `<root>/.dvc/`, as DVC does, so the result does not depend on the process cwd.
 */
export async function readDvcConfig(root: string): Promise<DvcConfig> {
  const absRoot = resolve(root);
  const dvcDir = join(absRoot, '.dvc');
  const sections: Sections = new Map();
  const files: string[] = [];
  for (const file of [join(dvcDir, 'config'), join(dvcDir, 'config.local')]) {
    const text = await readIfExists(file);
    if (text === undefined) continue;
    parseDvcConfigText(text, file, sections);
    files.push(file);
  }
  const remotes: Record<string, RemoteConfig> = {};
  for (const [section, values] of sections) {
    const match = /^remote "(.+)"$/.exec(section);
    if (!match?.[1]) continue;
    const name = match[1];
    const url = values.get('url');
    if (url === undefined) {
      const file = [...values.values()][0]?.file ?? join(dvcDir, 'config');
      throw new DvcConfigError(file, `remote "${name}" has no url`);
    }
    const options: Record<string, string> = {};
    for (const [key, entry] of values) options[key] = entry.value;
    remotes[name] = {
      name,
      url: resolveRemoteUrl(url.value, url.file),
      rawUrl: url.value,
      file: url.file,
      options,
    };
  }
  const core = sections.get('core');
  const remoteEntry = core?.get('remote');
  const cacheEntry = sections.get('cache')?.get('dir');
  const cacheDir = cacheEntry
    ? resolve(dirname(cacheEntry.file), cacheEntry.value)
    : join(dvcDir, 'cache');
  const defaultRemote = remoteEntry?.value;
  if (defaultRemote !== undefined && remotes[defaultRemote] === undefined) {
    throw new DvcConfigError(
      remoteEntry?.file ?? join(dvcDir, 'config'),
      `core.remote names "${defaultRemote}" but there is no ['remote "${defaultRemote}"'] section`,
    );
  }
  return {
    root: absRoot,
    dvcDir,
    ...(defaultRemote === undefined ? {} : { defaultRemote }),
    remotes,
    cacheDir,
    cacheTypes: parseCacheTypes(sections.get('cache')?.get('type')),
    files,
  };
}
