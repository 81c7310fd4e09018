import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DvcConfigError, DvcObjectMissingError, DvcPointerError, DvcRemoteError } from '@repo/dvc';
import { columnTypesFor, readCsv, selectRows, splitRows, type Table } from '@repo/tabular';
import { PROFILE_FILE, readJsonRecord, type TrainingRecord } from './candidate-files';
import { concatTables } from './concat-tables';
import type { DataProfile } from './data-profile';
import { checkoutDataVersion } from './data-version';
import { ReferenceDataError } from './drift-errors';
import { tableFromProfile } from './profile-reference';

/** The rows a production version learned from. */
export interface ReferenceData {
  /** The training split of its data version (or the profile's stand-in). */
  readonly train: Table;
  /** Every row of its data version; null when rebuilt from the profile. */
  readonly all: Table | null;
  readonly from: 'dvc' | 'profile';
  /** Why the profile was used, when it was. */
  readonly note?: string;
}

/** Reads the data files of `record` from `root` and rebuilds its seeded split. */
async function rebuild(
  root: string,
  record: TrainingRecord,
): Promise<{ all: Table; train: Table }> {
  const { config } = record;
  const types = columnTypesFor(config);
  const tables: Table[] = [];
  for (const file of config.data.files) tables.push(await readCsv(join(root, file), { types }));
  const all = concatTables(tables);
  const split = splitRows(all, config.split, config.seed);
  return { all, train: selectRows(all, split.train) };
}

const UNSERVED = [
  DvcObjectMissingError,
  DvcRemoteError,
  DvcConfigError,
  DvcPointerError,
  RangeError,
];

/**
 * Exactly the rows the release of `record` learned from: its data version (`lineage.dataMd5`)
 * checked out from the DVC cache or remote (verified), read with its own config and split with
 * the same seeded split. When DVC cannot serve that version, the release's `profile.json` (in
 * `releaseDir`) stands in, with a note, unless `strict`; then, and when there is no profile
 * either, `ReferenceDataError`.
 */
export async function loadReference(
  root: string,
  record: TrainingRecord,
  releaseDir: string,
  options: { readonly strict?: boolean } = {},
): Promise<ReferenceData> {
  const md5 = record.lineage.dataMd5;
  let reason: string;
  try {
    const scratch = await checkoutDataVersion(root, md5);
    try {
      return { ...(await rebuild(scratch, record)), from: 'dvc' };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  } catch (error) {
    if (!UNSERVED.some((kind) => error instanceof kind)) throw error;
    reason = (error as Error).message;
  }
  const what = `the data version ${md5} of ${record.model} cannot be pulled (${reason})`;
  if (options.strict === true)
    throw new ReferenceDataError(
      `${what}; refusing the profile.json fallback (--strict-reference)`,
    );
  let profile: DataProfile;
  try {
    profile = await readJsonRecord<DataProfile>(
      releaseDir,
      PROFILE_FILE,
      'the release has no profile',
    );
  } catch (cause) {
    throw new ReferenceDataError(`${what}, and the release has no ${PROFILE_FILE}`, { cause });
  }
  return {
    train: tableFromProfile(profile, `${PROFILE_FILE} of ${record.model}`),
    all: null,
    from: 'profile',
    note: `Reference rebuilt from the release's ${PROFILE_FILE}: ${what}. Numeric columns keep their deciles and missing rates, not every value.`,
  };
}
