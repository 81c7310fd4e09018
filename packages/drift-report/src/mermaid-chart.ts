import type { ChartBins } from './chart-bins';

const quoted = (text: string) => `"${text.replace(/"/g, "'")}"`;
const label = (text: string) => quoted(text.slice(0, 24));
const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * A mermaid `xychart-beta` of the reference and current shares per bin (two bar series, in %),
 * rendered by GitHub in Markdown: no image host, no script.
 */
export function mermaidChart(title: string, bins: ChartBins): string {
  const top = Math.max(1, ...bins.reference.map(percent), ...bins.current.map(percent));
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quoted(title)}`,
    `  x-axis [${bins.labels.map(label).join(', ')}]`,
    `  y-axis "% of rows" 0 --> ${Math.ceil(top)}`,
    `  bar [${bins.reference.map(percent).join(', ')}]`,
    `  bar [${bins.current.map(percent).join(', ')}]`,
    '```',
  ].join('\n');
}
