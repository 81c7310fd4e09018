/** A kernel worker thread failed or stopped answering; the training step cannot complete. */
export class KernelWorkerError extends Error {
  override readonly name = 'KernelWorkerError';
  /** An environment failure: `mlops`' internal exit code (70). */
  readonly exitCode = 70;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
