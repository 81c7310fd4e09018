import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';
import { RegistryCorruptError } from './errors';

/** File name of a model's production pointer. */
export const PRODUCTION_POINTER_FILE = 'production.json';

/** Which version of a model is in production, and since when. */
export interface ProductionPointer {
  readonly model: string;
  readonly version: string;
  /** ISO 8601 time the pointer was set. */
  readonly since: string;
  readonly reason?: string;
  /** Set by a rollback: the version it took out of production. */
  readonly rolledBackFrom?: string;
}

/** Reads the pointer; `undefined` when no version was ever promoted. */
export async function readProductionPointer(path: string): Promise<ProductionPointer | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new RegistryCorruptError(`${path} is not valid JSON`, { cause });
  }
  const pointer = value as Partial<ProductionPointer> | null;
  if (pointer === null || typeof pointer !== 'object' || typeof pointer.version !== 'string') {
    throw new RegistryCorruptError(`${path}: field "version" must be a string`);
  }
  return pointer as ProductionPointer;
}

/** Replaces the pointer atomically (temporary file + rename). */
export async function writeProductionPointer(
  path: string,
  pointer: ProductionPointer,
): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(pointer, null, 2)}\n`);
}
