export const OUTPUT_RELEASES = 'releases';
export const OUTPUT_RELEASED = 'released';
/** JSON list of `{ model, version }` released by this run: the deploy matrix. */
export const OUTPUT_PROMOTED = 'promoted';
