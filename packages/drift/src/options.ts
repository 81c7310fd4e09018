import { DriftOptionError } from './errors';

/**
 * The drift methods, named as Evidently names them:
 * - `ks`: two-sample Kolmogorov–Smirnov p-value (numeric only);
 * - `chisquare`: chi-square goodness-of-fit p-value of current counts against reference shares;
 * - `z`: two-proportion Z-test p-value (first sorted value against the rest);
 * - `wasserstein`: Wasserstein distance normed by the reference standard deviation (numeric only);
 * - `jensenshannon`: Jensen–Shannon distance over Evidently's bins;
 * - `psi`: population stability index over Evidently's bins.
 */
export type DriftMethod = 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon' | 'psi';

export const DRIFT_METHODS: readonly DriftMethod[] = [
  'ks',
  'chisquare',
  'z',
  'wasserstein',
  'jensenshannon',
  'psi',
];

/** `p-value`: drift when score ≤ threshold. `distance`: drift when score ≥ threshold. */
export type ScoreKind = 'p-value' | 'distance';

export const METHOD_SCORE: Readonly<Record<DriftMethod, ScoreKind>> = {
  ks: 'p-value',
  chisquare: 'p-value',
  z: 'p-value',
  wasserstein: 'distance',
  jensenshannon: 'distance',
  psi: 'distance',
};

/** Methods that need an ordered (numeric) column. */
export const NUMERIC_ONLY_METHODS: readonly DriftMethod[] = ['ks', 'wasserstein'];

/**
 * What one column's drift check may override, e.g. from a model's config
 * `drift: { columns: { price: { method: psi, threshold: 0.2 } } }`. Both are optional: without a
 * method the default rule picks one (`defaultMethod`), without a threshold the method's default
 * from the rules applies.
 */
export interface ColumnDriftOptions {
  readonly method?: DriftMethod;
  /** p-value methods: drift when p ≤ threshold. Distance methods: drift when score ≥ threshold. */
  readonly threshold?: number;
}

/** The rules behind every default; each one can be overridden (see `DriftRulesOverride`). */
export interface DriftRules {
  /** Up to this many reference rows (non-missing) p-value tests are chosen; above, distances. */
  readonly smallReferenceRows: number;
  /** Numeric columns with more distinct values than this get KS / Wasserstein. */
  readonly numericDistinctValues: number;
  /** Small-reference columns with at most this many distinct values get the Z-test. */
  readonly binaryDistinctValues: number;
  /** Numeric columns with more distinct reference values than this are binned by Sturges' rule. */
  readonly maxDiscreteValues: number;
  /** The threshold of each method when a column gives none. */
  readonly thresholds: Readonly<Record<DriftMethod, number>>;
  /** Dataset drift when the share of drifted columns is at least this. */
  readonly driftShare: number;
}

/** Evidently's defaults. */
export const DEFAULT_DRIFT_RULES: DriftRules = {
  smallReferenceRows: 1000,
  numericDistinctValues: 5,
  binaryDistinctValues: 2,
  maxDiscreteValues: 20,
  thresholds: {
    ks: 0.05,
    chisquare: 0.05,
    z: 0.05,
    wasserstein: 0.1,
    jensenshannon: 0.1,
    psi: 0.1,
  },
  driftShare: 0.5,
};

/** Any subset of the rules; thresholds may be given for some methods only. */
export type DriftRulesOverride = Partial<Omit<DriftRules, 'thresholds'>> & {
  readonly thresholds?: Partial<Record<DriftMethod, number>>;
};

/** The rules with `override` applied over the defaults, validated. */
export function resolveRules(override: DriftRulesOverride = {}): DriftRules {
  const rules: DriftRules = {
    ...DEFAULT_DRIFT_RULES,
    ...override,
    thresholds: { ...DEFAULT_DRIFT_RULES.thresholds, ...override.thresholds },
  };
  for (const key of [
    'smallReferenceRows',
    'numericDistinctValues',
    'binaryDistinctValues',
    'maxDiscreteValues',
  ] as const) {
    const value = rules[key];
    if (!(Number.isInteger(value) && value >= 0)) {
      throw new DriftOptionError(`drift rule ${key} is ${value}; an integer ≥ 0 is required`);
    }
  }
  for (const method of DRIFT_METHODS) assertThreshold(method, rules.thresholds[method]);
  if (!(rules.driftShare > 0 && rules.driftShare <= 1)) {
    throw new DriftOptionError(`driftShare is ${rules.driftShare}; it must be within (0, 1]`);
  }
  return rules;
}

/** Throws unless `threshold` fits `method`: within [0, 1] for p-values, finite and ≥ 0 else. */
export function assertThreshold(method: DriftMethod, threshold: number, column?: string): void {
  const where = column === undefined ? '' : `column "${column}": `;
  const ok =
    METHOD_SCORE[method] === 'p-value'
      ? threshold >= 0 && threshold <= 1
      : Number.isFinite(threshold) && threshold >= 0;
  if (!ok) {
    const range = METHOD_SCORE[method] === 'p-value' ? 'within [0, 1]' : 'finite and ≥ 0';
    throw new DriftOptionError(
      `${where}threshold ${threshold} for ${method} must be ${range}`,
      column,
    );
  }
}

/** Throws unless `method` is one of `DRIFT_METHODS` (config files are not type-checked). */
export function assertMethod(method: string, column?: string): asserts method is DriftMethod {
  if (!(DRIFT_METHODS as readonly string[]).includes(method)) {
    const where = column === undefined ? '' : `column "${column}": `;
    throw new DriftOptionError(
      `${where}unknown drift method "${method}"; expected one of ${DRIFT_METHODS.join(', ')}`,
      column,
    );
  }
}
