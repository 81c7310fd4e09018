export { type ChartBins, chartBins, MAX_CHART_BINS } from './chart-bins';
export { driftOrder } from './column-table';
export type {
  ConceptDrift,
  DriftLineage,
  DriftReportData,
  GroupDrift,
} from './drift-report-data';
export { headline } from './headline';
export { mermaidChart } from './mermaid-chart';
export { renderDriftHtml } from './render-html';
export { renderDriftJson } from './render-json';
export { renderDriftMarkdown } from './render-markdown';
export { svgChart } from './svg-chart';
