export const OUTPUT_PASSED = 'passed';
export const OUTPUT_COMMENT_IDS = 'comment-ids';
