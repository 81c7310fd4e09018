import { InvalidModelNameError } from './errors';

const MODEL_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * Throws `InvalidModelNameError` unless `model` is a safe registry key: lowercase letters,
 * digits, `.`, `_` and `-`, starting with a letter or digit (it becomes a directory name and
 * the first part of the release tag `<model>@v<version>`).
 */
export function assertModelName(model: string): void {
  if (!MODEL_NAME_PATTERN.test(model) || model.includes('..')) {
    throw new InvalidModelNameError(
      `model name "${model}" is invalid: use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit`,
    );
  }
}
