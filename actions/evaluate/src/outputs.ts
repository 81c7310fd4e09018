export const OUTPUT_PASSED = 'passed';
export const OUTPUT_REPORT_PATH = 'report-path';
