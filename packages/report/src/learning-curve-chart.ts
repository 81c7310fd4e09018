import type { TrainingHistory } from './evaluation-result';
import { formatNumber } from './format-number';

/** Colours of the training and validation lines (matplotlib's first two). */
const TRAIN_COLOR = '#1f77b4';
const VALIDATION_COLOR = '#ff7f0e';

/**
 * `count` indices spread evenly over `0..length-1`, always including the first and the last:
 * `round(i · (length − 1) / (count − 1))`. All indices when `length ≤ count`.
 */
export function downsampleIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  if (count <= 1) return length > 0 ? [length - 1] : [];
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1)));
}

/** A number as mermaid accepts it (no exponent), 4 significant digits. */
function mermaidNumber(value: number): string {
  const rounded = Number(value.toPrecision(4));
  const text = String(rounded);
  if (!text.includes('e')) return text;
  return rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

export interface LearningCurveChart {
  /** The mermaid `xychart-beta` block, fenced. */
  readonly mermaid: string;
  /** One italic sentence describing the lines, for above the chart. */
  readonly caption: string;
}

/**
 * A mermaid `xychart-beta` line chart of training and validation loss per epoch, downsampled
 * to at most `maxPoints` epochs. `undefined` when there is no history or it contains
 * non-finite values (which mermaid cannot plot).
 */
export function learningCurveChart(
  history: TrainingHistory,
  maxPoints = 50,
): LearningCurveChart | undefined {
  const series = [
    { name: 'training', color: TRAIN_COLOR, values: history.loss },
    { name: 'validation', color: VALIDATION_COLOR, values: history.valLoss },
  ].filter((s) => s.values.length > 0);
  const first = series[0];
  if (first === undefined) return undefined;
  if (series.some((s) => s.values.some((v) => !Number.isFinite(v)))) return undefined;
  const epochs = Math.min(...series.map((s) => s.values.length));
  const indices = downsampleIndices(epochs, maxPoints);
  const lines = [
    '```mermaid',
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${series.map((s) => s.color).join(', ')}"`,
    '---',
    'xychart-beta',
    '  title "Loss per epoch"',
    `  x-axis "epoch" [${indices.map((i) => `"${i + 1}"`).join(', ')}]`,
    '  y-axis "loss"',
    ...series.map(
      (s) => `  line [${indices.map((i) => mermaidNumber(s.values[i] ?? 0)).join(', ')}]`,
    ),
    '```',
  ];
  const names = series
    .map((s) => `${s.color === TRAIN_COLOR ? 'blue' : 'orange'}: ${s.name} loss`)
    .join(', ');
  const shown = indices.length < epochs ? `, ${indices.length} of ${epochs} epochs shown` : '';
  let best = '';
  const validation = history.valLoss.slice(0, epochs);
  if (validation.length > 0) {
    let bestIndex = 0;
    for (const [i, v] of validation.entries()) {
      if (v < (validation[bestIndex] ?? Number.POSITIVE_INFINITY)) bestIndex = i;
    }
    best = `; best validation loss ${formatNumber(validation[bestIndex] ?? 0)} at epoch ${bestIndex + 1}`;
  }
  return {
    mermaid: lines.join('\n'),
    caption: `_${names} (${epochs} epochs${shown})${best}._`,
  };
}
