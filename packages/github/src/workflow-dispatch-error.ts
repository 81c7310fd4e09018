/** A `workflow_dispatch` could not be created (`cause`: the API error). */
export class WorkflowDispatchError extends Error {
  override readonly name = 'WorkflowDispatchError';
}
