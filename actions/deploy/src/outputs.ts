export const OUTPUT_DEPLOYMENT_ID = 'deployment-id';
export const OUTPUT_TAG = 'tag';
export const OUTPUT_PREDICTION = 'prediction';
