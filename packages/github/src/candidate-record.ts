import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The record a trusted job (the report job, which runs the default branch's code with a write
 * token) leaves in a model's check run: which candidate it saw for which training inputs. It is
 * the check run's `external_id`, a field only the check run's creator sets; a pull request run,
 * whose token cannot write checks, cannot forge it.
 *
 *   mlops-candidate/v1/<input hash>/<artifact digest>      (both lowercase 64-hex sha256)
 */
export interface CandidateRecord {
  readonly inputHash: string;
  readonly digest: string;
}

const PREFIX = 'mlops-candidate/v1/';
const RECORD = /^mlops-candidate\/v1\/([0-9a-f]{64})\/([0-9a-f]{64})$/;

/** The `external_id` for `record`. */
export function formatCandidateRecord(record: CandidateRecord): string {
  const text = `${PREFIX}${record.inputHash}/${record.digest}`;
  if (!RECORD.test(text)) {
    throw new TypeError(`candidate record: input hash and digest must be 64-hex sha256 (${text})`);
  }
  return text;
}

/** The record in an `external_id`, or undefined when it holds none. */
export function parseCandidateRecord(
  externalId: string | null | undefined,
): CandidateRecord | undefined {
  const match = RECORD.exec(externalId ?? '');
  if (match === null || match[1] === undefined || match[2] === undefined) return undefined;
  return { inputHash: match[1], digest: match[2] };
}

/**
 * The artifact a model-pr run uploads its trained candidate as: `mlops-candidate-<model>-<input
 * hash>`. The name says what it claims to be; it proves nothing (anyone's run can use it).
 */
export function candidateArtifactName(model: string, inputHash: string): string {
  return `mlops-candidate-${model}-${inputHash}`;
}

/** Model and input hash of a candidate artifact's name; undefined for any other name. */
export function parseCandidateArtifactName(
  name: string,
): { model: string; inputHash: string } | undefined {
  const match = /^mlops-candidate-([a-z0-9][a-z0-9-]*)-([0-9a-f]{64})$/.exec(name);
  if (match === null || match[1] === undefined || match[2] === undefined) return undefined;
  return { model: match[1], inputHash: match[2] };
}

/** A candidate artifact extracted on disk, with the digest computed from its files. */
export interface CandidateArtifact extends CandidateRecord {
  readonly model: string;
  readonly dir: string;
}

/**
 * The candidate artifacts extracted under `dir` (as actions/download-artifact extracts
 * `mlops-candidate-*`: one folder per artifact), keyed by model; `digestOf` computes a folder's
 * digest from its files (never from what the files say about themselves). A folder whose files
 * cannot be digested is left out; two candidates of one model are left out both.
 */
export async function candidateArtifacts(
  dir: string,
  digestOf: (folder: string) => Promise<string>,
): Promise<Map<string, CandidateArtifact>> {
  const found = new Map<string, CandidateArtifact | null>();
  if (!existsSync(dir)) return new Map();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const parsed = entry.isDirectory() ? parseCandidateArtifactName(entry.name) : undefined;
    if (parsed === undefined) continue;
    const folder = join(dir, entry.name);
    let digest: string;
    try {
      digest = await digestOf(folder);
    } catch {
      continue;
    }
    found.set(parsed.model, found.has(parsed.model) ? null : { ...parsed, digest, dir: folder });
  }
  const records = new Map<string, CandidateArtifact>();
  for (const [model, record] of found) if (record !== null) records.set(model, record);
  return records;
}
