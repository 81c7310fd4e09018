import { binNumeric, histogramCounts, sturgesEdges } from './binning';
import {
  type CategoricalSample,
  categoricalSample,
  type DriftColumn,
  distinctUpTo,
  type NumericSample,
  numericSample,
  type SampleSummary,
  valueCounts,
} from './column-samples';
import { defaultMethod } from './default-method';
import { discreteTest, type NewLevel, newLevelsOf, total } from './discrete-test';
import { ColumnMismatchError, DriftOptionError } from './errors';
import { jensenShannonDistance } from './jensen-shannon';
import { ksTwoSample } from './ks-two-sample';
import {
  assertMethod,
  assertThreshold,
  type ColumnDriftOptions,
  type DriftMethod,
  type DriftRules,
  type DriftRulesOverride,
  METHOD_SCORE,
  NUMERIC_ONLY_METHODS,
  resolveRules,
  type ScoreKind,
} from './options';
import { populationStabilityIndex } from './psi';
import { wassersteinNormed } from './wasserstein';

/** Counts of both samples over shared bins, for a small chart. */
export type DriftHistogram =
  | {
      readonly kind: 'numeric';
      /** Sturges edges over both samples; bin i is [edges[i], edges[i+1]), the last one closed. */
      readonly edges: readonly number[];
      readonly reference: readonly number[];
      readonly current: readonly number[];
    }
  | {
      readonly kind: 'categorical';
      /** Every level with a row on either side, sorted. */
      readonly levels: readonly string[];
      readonly reference: readonly number[];
      readonly current: readonly number[];
    };

export interface ColumnDriftDetails {
  /** KS: D. chisquare: χ². z: z. wasserstein: the distance before norming. psi / jensenshannon: the score. */
  readonly statistic: number;
  /** For p-value methods; undefined for distances. */
  readonly pValue: number | undefined;
  /** For KS: whether the p-value is exact or asymptotic (scipy's `method='auto'`). */
  readonly ksMethod?: 'exact' | 'asymptotic';
  readonly reference: SampleSummary;
  readonly current: SampleSummary;
  /** Levels (for numeric: values, under chisquare / z) the reference never had, with counts. */
  readonly newLevels: readonly NewLevel[];
  /** Rows in new levels / non-missing current rows. */
  readonly newLevelRate: number;
  readonly histogram: DriftHistogram;
}

export interface ColumnDriftResult {
  readonly column: string;
  readonly kind: 'numeric' | 'categorical';
  readonly method: DriftMethod;
  /** Whether the method came from the options or from `defaultMethod`. */
  readonly methodSource: 'option' | 'default';
  /** `p-value`: drifted when score ≤ threshold. `distance`: drifted when score ≥ threshold. */
  readonly scoreKind: ScoreKind;
  /** The p-value (ks, chisquare, z) or the distance (wasserstein normed, jensenshannon, psi). */
  readonly score: number;
  readonly threshold: number;
  readonly drifted: boolean;
  readonly details: ColumnDriftDetails;
}

/** Per-column options plus the rules behind the defaults (Evidently's unless overridden). */
export interface ColumnDriftRunOptions extends ColumnDriftOptions {
  readonly rules?: DriftRulesOverride;
}

/** What a method computed, before the verdict. */
interface Measured {
  readonly score: number;
  readonly statistic: number;
  readonly pValue: number | undefined;
  readonly ksMethod?: 'exact' | 'asymptotic';
  readonly newLevels: readonly NewLevel[];
  readonly newLevelRate: number;
}

const byNumber = (a: number, b: number) => a - b;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function measureNumeric(
  method: DriftMethod,
  ref: NumericSample,
  cur: NumericSample,
  rules: DriftRules,
): Measured {
  const none = { newLevels: [], newLevelRate: 0 };
  if (method === 'ks' || method === 'wasserstein') {
    const a = ref.values.slice().sort();
    const b = cur.values.slice().sort();
    if (method === 'ks') {
      const r = ksTwoSample(a, b, { sorted: true });
      return {
        score: r.pValue,
        statistic: r.statistic,
        pValue: r.pValue,
        ksMethod: r.method,
        ...none,
      };
    }
    const w = wassersteinNormed(a, b, { sorted: true });
    return { score: w.normed, statistic: w.distance, pValue: undefined, ...none };
  }
  if (method === 'chisquare' || method === 'z') {
    const r = discreteTest(method, valueCounts(ref.values), valueCounts(cur.values), byNumber);
    return { score: r.pValue, ...r };
  }
  const bins = binNumeric(ref.values, cur.values, rules.maxDiscreteValues);
  const score =
    method === 'psi'
      ? populationStabilityIndex(bins.referenceCounts, bins.currentCounts)
      : jensenShannonDistance(bins.referenceCounts, bins.currentCounts);
  return { score, statistic: score, pValue: undefined, ...none };
}

function measureCategorical(
  method: DriftMethod,
  ref: CategoricalSample,
  cur: CategoricalSample,
): Measured {
  if (method === 'chisquare' || method === 'z') {
    const r = discreteTest(method, ref.counts, cur.counts, byString);
    return { score: r.pValue, ...r };
  }
  const levels = unionLevels(ref, cur);
  const a = levels.map((l) => ref.counts.get(l) ?? 0);
  const b = levels.map((l) => cur.counts.get(l) ?? 0);
  const score = method === 'psi' ? populationStabilityIndex(a, b) : jensenShannonDistance(a, b);
  const newLevels = newLevelsOf(ref.counts, cur.counts);
  const newRows = newLevels.reduce((sum, l) => sum + l.count, 0);
  return {
    score,
    statistic: score,
    pValue: undefined,
    newLevels,
    newLevelRate: newRows / total(cur.counts),
  };
}

function unionLevels(ref: CategoricalSample, cur: CategoricalSample): string[] {
  return [...new Set([...ref.counts.keys(), ...cur.counts.keys()])].sort(byString);
}

function numericHistogram(ref: NumericSample, cur: NumericSample): DriftHistogram {
  const edges = sturgesEdges(ref.values, cur.values);
  return {
    kind: 'numeric',
    edges: [...edges],
    reference: [...histogramCounts(ref.values, edges)],
    current: [...histogramCounts(cur.values, edges)],
  };
}

function chooseMethod(
  column: string,
  kind: 'numeric' | 'categorical',
  options: ColumnDriftOptions,
  profile: () => number,
  referenceRows: number,
  rules: DriftRules,
): { method: DriftMethod; methodSource: 'option' | 'default'; threshold: number } {
  const given = options.method;
  if (given !== undefined) assertMethod(given, column);
  const method = given ?? defaultMethod({ kind, referenceRows, distinctValues: profile() }, rules);
  if (kind === 'categorical' && NUMERIC_ONLY_METHODS.includes(method)) {
    throw new DriftOptionError(
      `column "${column}": ${method} needs ordered values and the column is categorical; use chisquare, z, jensenshannon or psi`,
      column,
    );
  }
  const threshold = options.threshold ?? rules.thresholds[method];
  assertThreshold(method, threshold, column);
  return { method, methodSource: given === undefined ? 'default' : 'option', threshold };
}

/**
 * Drift of one column between reference and current data. Missing values (NaN / ±Infinity,
 * categorical code −1) are set aside and reported as missing rates; the method is the one given
 * in `options` or Evidently's default for the column (`defaultMethod`); the verdict compares
 * the score with the threshold (p ≤ threshold, distance ≥ threshold).
 *
 * Throws `ColumnMismatchError` when the two sides are of different kinds or a date column,
 * `EmptySampleError` when a side has no non-missing value, `DriftOptionError` for an unknown
 * method, a method that does not fit the kind, or a threshold out of range.
 */
export function columnDrift(
  reference: DriftColumn,
  current: DriftColumn,
  options: ColumnDriftRunOptions = {},
): ColumnDriftResult {
  const column = reference.name;
  const kind = reference.kind as string;
  if (kind !== 'numeric' && kind !== 'categorical') {
    throw new ColumnMismatchError(
      `column "${column}": ${kind} columns are not drift-checked`,
      column,
    );
  }
  if (current.kind !== reference.kind) {
    throw new ColumnMismatchError(
      `column "${column}" is ${reference.kind} in the reference data but ${current.kind} in the current data`,
      column,
    );
  }
  const rules = resolveRules(options.rules);
  if (reference.kind === 'numeric' && current.kind === 'numeric') {
    const ref = numericSample(reference, 'reference');
    const cur = numericSample(current, 'current');
    const cap = Math.max(rules.numericDistinctValues, rules.binaryDistinctValues) + 1;
    const profile = () => distinctUpTo(ref.values, cur.values, cap);
    const choice = chooseMethod(column, 'numeric', options, profile, ref.values.length, rules);
    const measured = measureNumeric(choice.method, ref, cur, rules);
    return verdict(column, 'numeric', choice, measured, ref, cur, numericHistogram(ref, cur));
  }
  const ref = categoricalSample(
    reference as Extract<DriftColumn, { kind: 'categorical' }>,
    'reference',
  );
  const cur = categoricalSample(
    current as Extract<DriftColumn, { kind: 'categorical' }>,
    'current',
  );
  const profile = () => unionLevels(ref, cur).length;
  const choice = chooseMethod(column, 'categorical', options, profile, total(ref.counts), rules);
  const measured = measureCategorical(choice.method, ref, cur);
  const levels = unionLevels(ref, cur);
  const histogram: DriftHistogram = {
    kind: 'categorical',
    levels,
    reference: levels.map((l) => ref.counts.get(l) ?? 0),
    current: levels.map((l) => cur.counts.get(l) ?? 0),
  };
  return verdict(column, 'categorical', choice, measured, ref, cur, histogram);
}

function verdict(
  column: string,
  kind: 'numeric' | 'categorical',
  choice: { method: DriftMethod; methodSource: 'option' | 'default'; threshold: number },
  measured: Measured,
  ref: SampleSummary,
  cur: SampleSummary,
  histogram: DriftHistogram,
): ColumnDriftResult {
  const scoreKind = METHOD_SCORE[choice.method];
  const drifted =
    scoreKind === 'p-value'
      ? measured.score <= choice.threshold
      : measured.score >= choice.threshold;
  const summary = (s: SampleSummary): SampleSummary => ({
    rows: s.rows,
    missing: s.missing,
    missingRate: s.missingRate,
  });
  return {
    column,
    kind,
    method: choice.method,
    methodSource: choice.methodSource,
    scoreKind,
    score: measured.score,
    threshold: choice.threshold,
    drifted,
    details: {
      statistic: measured.statistic,
      pValue: measured.pValue,
      ...(measured.ksMethod === undefined ? {} : { ksMethod: measured.ksMethod }),
      reference: summary(ref),
      current: summary(cur),
      newLevels: measured.newLevels,
      newLevelRate: measured.newLevelRate,
      histogram,
    },
  };
}
