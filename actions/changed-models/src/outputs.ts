export const OUTPUT_MODELS = 'models';
export const OUTPUT_MATRIX = 'matrix';
export const OUTPUT_ANY = 'any';
