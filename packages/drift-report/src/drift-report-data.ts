import type { BootstrapInterval, ColumnDriftResult, DatasetDriftResult } from '@repo/drift';

/**
 * Everything a drift report shows, as numbers: what `@repo/pipeline`'s drift step measured and
 * the renderers (Markdown, HTML, JSON) print. Plain data, so the JSON report is this object.
 */
export interface DriftReportData {
  readonly model: string;
  /** `drift`: dataset drift (or a degraded metric); `no-drift`; `too-few-rows`: no verdict. */
  readonly status: 'drift' | 'no-drift' | 'too-few-rows';
  readonly lineage: DriftLineage;
  /** Column drift of the features; null when the window has too few rows. */
  readonly dataset: DatasetDriftResult | null;
  /** The production model's predictions on the window against those on the reference. */
  readonly prediction: ColumnDriftResult | null;
  /** The production model's metric on the window against the one recorded at its release. */
  readonly concept: ConceptDrift | null;
  /** Per-level metrics on the window for each group column, with the largest gap. */
  readonly groups: readonly GroupDrift[];
  readonly retrain: { readonly recommended: boolean; readonly reasons: readonly string[] };
  /** Caveats to show under the headline (e.g. a reference rebuilt from profile.json). */
  readonly notes: readonly string[];
}

export interface DriftLineage {
  /** `house-prices@v1.0.0`. */
  readonly releaseTag: string;
  readonly version: string;
  /** md5 of the data version the production model was trained on. */
  readonly referenceDataMd5: string;
  /** `dvc`: the training split rebuilt from that data version; `profile`: from profile.json. */
  readonly referenceFrom: 'dvc' | 'profile';
  readonly referenceRows: number;
  /** The window's file(s) or URL. */
  readonly currentSource: string;
  /** md5 of the window's bytes (of every file, in order). */
  readonly currentMd5: string;
  /** Rows read, before the time window. */
  readonly currentRowsRead: number;
  /** Rows compared. */
  readonly currentRows: number;
  readonly minRows: number;
  /** The time window, when one is configured: the column and the first and last day kept. */
  readonly window: { readonly column: string; readonly from: string; readonly to: string } | null;
}

export interface ConceptDrift {
  readonly metric: string;
  readonly direction: 'lower' | 'higher';
  /** The value recorded at the release (`metrics.json`). */
  readonly release: number;
  /** The value on the window. */
  readonly current: number;
  /** Bootstrap interval of current − release over the window's rows. */
  readonly interval: BootstrapInterval;
  /** Worsening allowed, relative to `release` (0.1 = 10%). */
  readonly tolerance: number;
  /** True only when the whole interval is past the tolerance in the worse direction. */
  readonly degraded: boolean;
  readonly rows: number;
}

export interface GroupDrift {
  readonly group: string;
  readonly metric: string;
  readonly levels: readonly {
    readonly level: string;
    readonly count: number;
    readonly value: number;
  }[];
  readonly gap: {
    readonly gap: number;
    readonly min: { readonly level: string; readonly value: number };
    readonly max: { readonly level: string; readonly value: number };
  } | null;
}
