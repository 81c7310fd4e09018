import * as core from '@actions/core';

/** The GitHub client's retries and rate-limit waits, as workflow-log lines and annotations. */
export const octokitLog = {
  debug: (message: string) => core.debug(message),
  info: (message: string) => core.info(message),
  warn: (message: string) => core.warning(message),
  error: (message: string) => core.error(message),
};
