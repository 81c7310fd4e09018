import protobuf from 'protobufjs';

/**
 * The part of the ONNX protobuf schema (`onnx.proto`, IR version 8) that an MLP needs, written
 * from the ONNX specification (https://onnx.ai/onnx/repo-docs/IR.html): message and field
 * numbers as the spec defines them, proto2 like the original, so repeated scalars are encoded
 * unpacked exactly as `onnx.proto` says. Fields an MLP never sets (sparse tensors, functions,
 * training info, external data) are left out; decoders skip what they do not know.
 */
export const ONNX_SCHEMA = `
syntax = "proto2";
package onnx;

message StringStringEntryProto {
  optional string key = 1;
  optional string value = 2;
}

message OperatorSetIdProto {
  optional string domain = 1;
  optional int64 version = 2;
}

message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    }
    optional string denotation = 3;
  }
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
  }
  optional string denotation = 6;
}

message ValueInfoProto {
  optional string name = 1;
  optional TypeProto type = 2;
  optional string doc_string = 3;
}

message TensorProto {
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  repeated float float_data = 4 [packed = true];
  optional string name = 8;
  optional bytes raw_data = 9;
  optional string doc_string = 12;
}

message AttributeProto {
  optional string name = 1;
  optional float f = 2;
  optional int64 i = 3;
  optional bytes s = 4;
  repeated float floats = 7;
  repeated int64 ints = 8;
  optional string doc_string = 13;
  optional int32 type = 20;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  repeated AttributeProto attribute = 5;
  optional string doc_string = 6;
  optional string domain = 7;
}

message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  optional string doc_string = 10;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
  repeated ValueInfoProto value_info = 13;
}

message ModelProto {
  optional int64 ir_version = 1;
  repeated OperatorSetIdProto opset_import = 8;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional string domain = 4;
  optional int64 model_version = 5;
  optional string doc_string = 6;
  optional GraphProto graph = 7;
  repeated StringStringEntryProto metadata_props = 14;
}
`;

/** `TensorProto.DataType.FLOAT`. */
export const ONNX_FLOAT = 1;
/** `AttributeProto.AttributeType.FLOAT`. */
export const ONNX_ATTRIBUTE_FLOAT = 1;
/** The IR version the files declare (ONNX 1.10+, the IR of opset 15–17). */
export const ONNX_IR_VERSION = 8;
/** The default-domain operator set the graphs use. */
export const ONNX_OPSET = 17;

let modelType: protobuf.Type | undefined;

/** `onnx.ModelProto`, parsed from `ONNX_SCHEMA` once. */
export function onnxModelType(): protobuf.Type {
  modelType ??= protobuf.parse(ONNX_SCHEMA, { keepCase: true }).root.lookupType('onnx.ModelProto');
  return modelType;
}
