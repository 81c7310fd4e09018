/**
 * What to do next, for the errors whose own message does not say it (the classes live in packages
 * that know nothing of the command line).
 */
const NEXT_STEP: Readonly<Record<string, string>> = {
  RegistryLockedError:
    'Another mlops process is writing to the registry: try again when it is done.',
};

/** The message `mlops` prints for an error: its own, and the next step where one is known. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const next = NEXT_STEP[error.name];
  return next === undefined ? error.message : `${error.message} ${next}`;
}
