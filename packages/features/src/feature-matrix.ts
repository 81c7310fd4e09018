/** Model inputs: `rows × width` float32 values, row-major. */
export interface FeatureMatrix {
  readonly x: Float32Array;
  readonly width: number;
  readonly rows: number;
}
