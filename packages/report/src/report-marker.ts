/**
 * The hidden first line of a report, `<!-- mlops-report:<model> -->`, by which the sticky PR
 * comment of a model is found again. `--` is not allowed inside an HTML comment, so it is
 * replaced.
 */
export function reportMarker(model: string): string {
  return `<!-- mlops-report:${model.replace(/-{2,}/g, '-').replace(/>/g, '')} -->`;
}
