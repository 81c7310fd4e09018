export { ACTIVATION_CODES, type KernelActivation, type KernelTask, TASK_CODES } from './codes';
export { type DataParallelOptions, DataParallelTrainer, SHARDS } from './data-parallel';
export { KernelWorkerError } from './errors';
export {
  instantiateKernel,
  KERNEL_SHA256,
  type KernelExports,
  kernelModule,
  kernelSupported,
} from './kernel-module';
export {
  type LayerLayout,
  type NetworkLayout,
  networkLayout,
  packWeights,
  pad4,
  padRows,
  unpackWeights,
} from './layout';
export { createShardEngine, type ShardEngine } from './shard-engine';
