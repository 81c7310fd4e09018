// Bundles the CLI with the @repo/* packages it uses (consumed as TypeScript source) into dist/mlops.js.
// Third-party dependencies stay external: they are installed by `npm ci`, and TensorFlow.js needs
// its own files (the WebAssembly binaries) next to it at run time. bin/mlops.js runs the same build
// on first use and whenever a bundled source changed, so running this by hand is optional.
import { buildBundle } from './bundle.mjs';

await buildBundle();
