export const OUTPUT_RELEASES = 'releases';
export const OUTPUT_RELEASED = 'released';
/** JSON list of `{ model, version }` to deploy: the deploy matrix. */
export const OUTPUT_PROMOTED = 'promoted';
/** JSON list of `{ model, reason }` refused by their gates or whose release failed. */
export const OUTPUT_FAILED = 'failed';
/** A `sha256sum` file of every asset this run published: the attestation's subjects. */
export const OUTPUT_CHECKSUMS_PATH = 'checksums-path';
