export {
  OnnxExportError,
  OnnxMismatchError,
  OnnxModelError,
  OnnxRuntimeUnavailableError,
} from './errors';
export {
  type DenseWeights,
  exportMlpToOnnx,
  type MlpArchitectureInfo,
  type OnnxActivation,
} from './export-mlp';
export {
  METADATA_KEYS,
  ONNX_FILE,
  ONNX_INPUT,
  ONNX_OUTPUT,
  type OnnxNames,
  type OnnxTarget,
  type OnnxTask,
  onnxMetadata,
  outputFormula,
} from './onnx-metadata';
export { loadOnnxRuntime, type OnnxSession, openOnnxSession, runOnnx } from './onnx-runtime';
export { ONNX_IR_VERSION, ONNX_OPSET } from './onnx-schema';
export { readOnnxMetadata } from './read-metadata';
export {
  DEFAULT_RELATIVE_TOLERANCE,
  type OnnxValidation,
  type ValidateOnnxOptions,
  validateOnnx,
} from './validate-onnx';
