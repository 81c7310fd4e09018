import { OnnxModelError } from './errors';
import { onnxModelType } from './onnx-schema';

/**
 * The `metadata_props` of an ONNX file as a key → value object (see `METADATA_KEYS` for what the
 * exporter writes). Throws `OnnxModelError` naming `source` when the bytes are not a ModelProto.
 */
export function readOnnxMetadata(bytes: Uint8Array, source = 'model.onnx'): Record<string, string> {
  let decoded: { metadata_props?: { key?: string; value?: string }[] };
  try {
    decoded = onnxModelType().toObject(onnxModelType().decode(bytes)) as typeof decoded;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OnnxModelError(source, `is not an ONNX ModelProto: ${reason}`, { cause: error });
  }
  const metadata: Record<string, string> = {};
  for (const { key, value } of decoded.metadata_props ?? []) {
    if (key !== undefined) metadata[key] = value ?? '';
  }
  return metadata;
}
