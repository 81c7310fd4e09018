import manifest from '../package.json' with { type: 'json' };

/** The version of `mlops`: the `version` of packages/cli/package.json, bundled in at build time. */
export const cliVersion: string = manifest.version;
