import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelConfig } from '@repo/config';
import type { TrainingHistory } from '@repo/report';
import { MissingCandidateError } from './errors';
import type { Lineage } from './lineage';

/** What `train` records about a candidate next to its model files (`training.json`). */
export interface TrainingRecord {
  readonly model: string;
  readonly config: ModelConfig;
  readonly lineage: Lineage;
  readonly history: TrainingHistory;
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
  readonly rows: { readonly train: number; readonly validation: number; readonly test: number };
  /** The input columns the model reads, with their types: a change means a major version. */
  readonly inputSchema: readonly { readonly name: string; readonly type: string }[];
}

export const TRAINING_RECORD = 'training.json';
export const EVALUATION_RECORD = 'evaluation.json';
export const REPORT_FILE = 'report.md';
export const METRICS_FILE = 'metrics.json';
export const PROFILE_FILE = 'profile.json';
export const MODEL_CARD_FILE = 'model-card.md';

export async function readJsonRecord<T>(dir: string, name: string, hint: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(join(dir, name), 'utf8');
  } catch (cause) {
    throw new MissingCandidateError(`${join(dir, name)} does not exist: ${hint}`, { cause });
  }
  return JSON.parse(text) as T;
}
