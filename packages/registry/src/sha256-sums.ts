import { readFile, writeFile } from 'node:fs/promises';
import { RegistryCorruptError } from './errors';

/** One line of a `SHA256SUMS` file. */
export interface Sha256Entry {
  readonly name: string;
  readonly sha256: string;
}

/** The file name the registry stores checksums under, next to the assets. */
export const SHA256SUMS_FILE = 'SHA256SUMS';

/**
 * Formats entries the way `sha256sum` prints them (`<hex>  <name>`, two spaces: text mode),
 * sorted by name, one per line with a trailing newline, so `sha256sum -c SHA256SUMS` checks them.
 */
export function formatSha256Sums(entries: readonly Sha256Entry[]): string {
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((entry) => `${entry.sha256}  ${entry.name}\n`)
    .join('');
}

/** Writes `formatSha256Sums(entries)` to `path`. */
export async function writeSha256Sums(
  path: string,
  entries: readonly Sha256Entry[],
): Promise<void> {
  await writeFile(path, formatSha256Sums(entries));
}

/**
 * Parses `sha256sum` output: `<64 hex>  <name>` (text mode) or `<64 hex> *<name>` (binary mode).
 * Blank lines are skipped; anything else throws `RegistryCorruptError` naming the line.
 * `source` names the file in error messages.
 */
export function parseSha256Sums(text: string, source = SHA256SUMS_FILE): Sha256Entry[] {
  const entries: Sha256Entry[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (match === null || match[1] === undefined || match[2] === undefined) {
      throw new RegistryCorruptError(
        `${source}, line ${index + 1}: expected "<sha256 hex>  <name>", got "${line}"`,
      );
    }
    entries.push({ sha256: match[1].toLowerCase(), name: match[2] });
  }
  return entries;
}

/** Reads and parses a `SHA256SUMS` file. */
export async function readSha256Sums(path: string): Promise<Sha256Entry[]> {
  return parseSha256Sums(await readFile(path, 'utf8'), path);
}
