/** Activation codes the kernel understands (assembly/index.ts uses the same numbers). */
export const ACTIVATION_CODES = { linear: 0, relu: 1, tanh: 2, elu: 3, sigmoid: 4 } as const;
export type KernelActivation = keyof typeof ACTIVATION_CODES;

/** Task codes the kernel understands: the output layer's loss. */
export const TASK_CODES = { regression: 0, classification: 1 } as const;
export type KernelTask = keyof typeof TASK_CODES;
