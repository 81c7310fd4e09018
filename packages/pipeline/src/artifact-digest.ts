import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The files that make up a trained model: what serving loads. Equal digests mean equal models. */
export const MODEL_FILES = ['model.json', 'weights.bin', 'preprocessor.json'] as const;

/**
 * sha256 over the sha256 of each model file (as `sha256sum` lines, in a fixed order), so that a
 * bit-identical retraining gives the same digest whatever the timestamps in other files.
 */
export async function artifactDigest(dir: string): Promise<string> {
  const lines: string[] = [];
  for (const name of MODEL_FILES) {
    const bytes = await readFile(join(dir, name));
    lines.push(`${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`);
  }
  return createHash('sha256').update(lines.join('')).digest('hex');
}
