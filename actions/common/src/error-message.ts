/**
 * The message `core.setFailed` gets: the error's message followed by its causes
 * (`a: caused by b`), so that a wrapped HTTP or file error is not lost.
 */
export function errorMessage(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    const text = current instanceof Error ? current.message : String(current);
    if (text !== '' && !parts.some((p) => p.includes(text))) parts.push(text);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': caused by ') || 'unknown error';
}
