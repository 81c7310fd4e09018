export const OUTPUT_ARTIFACT_PATH = 'artifact-path';
export const OUTPUT_INPUT_HASH = 'input-hash';
export const OUTPUT_CACHE_HIT = 'cache-hit';
