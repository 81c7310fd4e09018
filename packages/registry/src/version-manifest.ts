import { readFile } from 'node:fs/promises';
import { RegistryCorruptError } from './errors';
import type { ModelVersion } from './model-version';

/** The file each version directory describes itself in. */
export const VERSION_MANIFEST_FILE = 'version.json';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a `version.json`, checking the fields the registry relies on; throws
 * `RegistryCorruptError` naming `source` and the field otherwise.
 */
export function parseVersionManifest(text: string, source: string): ModelVersion {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new RegistryCorruptError(`${source} is not valid JSON`, { cause });
  }
  if (!isRecord(value)) throw new RegistryCorruptError(`${source}: expected a JSON object`);
  for (const field of ['model', 'version', 'tag', 'createdAt'] as const) {
    if (typeof value[field] !== 'string') {
      throw new RegistryCorruptError(`${source}: field "${field}" must be a string`);
    }
  }
  if (!Array.isArray(value.assets)) {
    throw new RegistryCorruptError(`${source}: field "assets" must be an array`);
  }
  for (const [index, asset] of value.assets.entries()) {
    if (
      !isRecord(asset) ||
      typeof asset.name !== 'string' ||
      typeof asset.size !== 'number' ||
      typeof asset.sha256 !== 'string'
    ) {
      throw new RegistryCorruptError(
        `${source}: assets[${index}] must have a string "name", a number "size" and a string "sha256"`,
      );
    }
  }
  if (!isRecord(value.lineage)) {
    throw new RegistryCorruptError(`${source}: field "lineage" must be an object`);
  }
  if (!isRecord(value.metrics)) {
    throw new RegistryCorruptError(`${source}: field "metrics" must be an object`);
  }
  return value as unknown as ModelVersion;
}

/** Reads a `version.json`; `undefined` when the file does not exist. */
export async function readVersionManifest(path: string): Promise<ModelVersion | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseVersionManifest(text, path);
}

/** Formats a manifest as stored: 2-space JSON with a trailing newline. */
export function formatVersionManifest(version: ModelVersion): string {
  return `${JSON.stringify(version, null, 2)}\n`;
}
