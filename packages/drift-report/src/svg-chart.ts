import { escapeHtml } from '@repo/report';
import type { ChartBins } from './chart-bins';

const WIDTH = 480;
const HEIGHT = 160;
const PAD = { left: 36, bottom: 36, top: 8 };

/**
 * An inline SVG bar chart of the reference (grey) and current (blue) shares per bin: a fixed
 * number of elements per bin, so its size depends on the bins, never on the rows.
 */
export function svgChart(title: string, bins: ChartBins): string {
  const n = Math.max(1, bins.labels.length);
  const top = Math.max(0.01, ...bins.reference, ...bins.current);
  const plotH = HEIGHT - PAD.bottom - PAD.top;
  const slot = (WIDTH - PAD.left) / n;
  const bar = Math.max(1, slot / 2 - 1);
  const y = (share: number) => (PAD.top + plotH * (1 - share / top)).toFixed(1);
  const h = (share: number) => ((plotH * share) / top).toFixed(1);
  const parts: string[] = [];
  bins.labels.forEach((label, i) => {
    const x = PAD.left + i * slot;
    const r = bins.reference[i] ?? 0;
    const c = bins.current[i] ?? 0;
    parts.push(
      `<rect class="ref" x="${x.toFixed(1)}" y="${y(r)}" width="${bar.toFixed(1)}" height="${h(r)}"><title>reference ${escapeHtml(label)}: ${(r * 100).toFixed(1)}%</title></rect>`,
      `<rect class="cur" x="${(x + bar).toFixed(1)}" y="${y(c)}" width="${bar.toFixed(1)}" height="${h(c)}"><title>current ${escapeHtml(label)}: ${(c * 100).toFixed(1)}%</title></rect>`,
      `<text x="${(x + bar).toFixed(1)}" y="${HEIGHT - PAD.bottom + 12}" text-anchor="end" transform="rotate(-30 ${(x + bar).toFixed(1)} ${HEIGHT - PAD.bottom + 12})">${escapeHtml(label.slice(0, 14))}</text>`,
    );
  });
  return [
    `<svg role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}"><title>${escapeHtml(title)}</title>`,
    `<text x="2" y="${PAD.top + 8}">${(top * 100).toFixed(0)}%</text>`,
    `<line x1="${PAD.left}" y1="${HEIGHT - PAD.bottom}" x2="${WIDTH}" y2="${HEIGHT - PAD.bottom}" stroke="#999"/>`,
    ...parts,
    '</svg>',
  ].join('');
}
