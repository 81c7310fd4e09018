import { lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MODEL_FILES } from './artifact-digest';
import { TRAINING_RECORD } from './candidate-files';
import { UntrustedCandidateError } from './errors';

/** The files taken from a candidate artifact, and the most bytes each may have. */
const LIMITS: Readonly<Record<string, number>> = {
  'model.json': 4 * 1024 * 1024,
  'weights.bin': 512 * 1024 * 1024,
  'preprocessor.json': 32 * 1024 * 1024,
  [TRAINING_RECORD]: 32 * 1024 * 1024,
};
const BYTES_PER_DTYPE: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1 };

async function readLimited(dir: string, name: string): Promise<Buffer> {
  const path = join(dir, name);
  const stat = await lstat(path).catch(() => undefined);
  if (stat === undefined || !stat.isFile()) {
    throw new UntrustedCandidateError(
      `${name}: missing from the candidate artifact, or not a regular file`,
    );
  }
  const limit = LIMITS[name] ?? 0;
  if (stat.size > limit) {
    throw new UntrustedCandidateError(
      `${name}: ${stat.size} bytes, more than the ${limit} allowed`,
    );
  }
  return readFile(path);
}

function parseObject(name: string, bytes: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new UntrustedCandidateError(`${name}: not JSON`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UntrustedCandidateError(`${name}: not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * `model.json` must be a TF.js layers model whose one weights file is `weights.bin`, of exactly
 * the size its manifest declares: no other path is ever loaded.
 */
function checkTopology(model: Record<string, unknown>, weightsBytes: number): void {
  const manifest = model.weightsManifest;
  if (
    typeof model.modelTopology !== 'object' ||
    !Array.isArray(manifest) ||
    manifest.length !== 1
  ) {
    throw new UntrustedCandidateError(
      'model.json: expected a TF.js layers model with one weights group',
    );
  }
  const group = manifest[0] as { paths?: unknown; weights?: unknown };
  if (JSON.stringify(group.paths) !== '["weights.bin"]' || !Array.isArray(group.weights)) {
    throw new UntrustedCandidateError(
      'model.json: the weights manifest must name weights.bin only',
    );
  }
  let expected = 0;
  for (const weight of group.weights as { shape?: unknown; dtype?: unknown }[]) {
    const shape = weight.shape;
    const size = BYTES_PER_DTYPE[String(weight.dtype ?? 'float32')];
    if (
      !Array.isArray(shape) ||
      size === undefined ||
      !shape.every((d) => Number.isInteger(d) && d >= 0)
    ) {
      throw new UntrustedCandidateError('model.json: a weight has no valid shape and dtype');
    }
    expected += (shape as number[]).reduce((a, b) => a * b, 1) * size;
  }
  if (expected !== weightsBytes) {
    throw new UntrustedCandidateError(
      `weights.bin: ${weightsBytes} bytes, but model.json declares ${expected}`,
    );
  }
}

/**
 * Copies a candidate artifact's model files and training record from `from` (untrusted: a pull
 * request run wrote them) into `to`, replacing it, after checking each file's kind, size and
 * structure. Nothing else of the artifact is copied.
 */
export async function copyUntrustedCandidate(from: string, to: string): Promise<void> {
  const files = new Map<string, Buffer>();
  for (const name of [...MODEL_FILES, TRAINING_RECORD])
    files.set(name, await readLimited(from, name));
  const model = parseObject('model.json', files.get('model.json') as Buffer);
  checkTopology(model, (files.get('weights.bin') as Buffer).length);
  parseObject('preprocessor.json', files.get('preprocessor.json') as Buffer);
  const record = parseObject(TRAINING_RECORD, files.get(TRAINING_RECORD) as Buffer);
  if (typeof record.lineage !== 'object' || record.lineage === null) {
    throw new UntrustedCandidateError(`${TRAINING_RECORD}: no lineage`);
  }
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  for (const [name, bytes] of files) await writeFile(join(to, name), bytes);
}
