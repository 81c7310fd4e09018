import { Ajv, type ErrorObject } from 'ajv';
import schema from '../model.schema.json' with { type: 'json' };
import type { ConfigIssue } from './errors';
import { closestMatch } from './suggest';

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validateSchema = ajv.compile(schema);

/** The JSON Schema of `model.yaml`, for editors and documentation. */
export const modelConfigSchema = schema;

/** Schema problems of a parsed document, as issues with dotted paths (without line numbers). */
export function schemaIssues(document: unknown): ConfigIssue[] {
  if (validateSchema(document)) return [];
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const error of validateSchema.errors ?? []) {
    // `if` failures only say "must match then schema"; the concrete errors are reported separately.
    if (error.keyword === 'if' || error.keyword === 'oneOf') continue;
    const issue = toIssue(error, document);
    const key = `${issue.path}|${issue.expected}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function toIssue(error: ErrorObject, document: unknown): ConfigIssue {
  const segments = pointerSegments(error.instancePath);
  const value = valueAt(document, segments);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty': // not an ajv keyword; kept for exhaustiveness of intent
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(error);
      const suggestion = closestMatch(key, allowed);
      return {
        path: formatPath([...segments, key]),
        expected: `one of the keys ${allowed.map((k) => `"${k}"`).join(', ')}`,
        found: `the unknown key "${key}"`,
        ...(suggestion === undefined ? {} : { hint: `did you mean "${suggestion}"?` }),
      };
    }
    case 'required':
      return {
        path: formatPath([...segments, String(params.missingProperty)]),
        expected: 'a value (the key is required)',
        found: 'nothing',
      };
    case 'enum':
      return {
        path: formatPath(segments),
        expected: `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        found: render(value),
        ...enumHint(value, params.allowedValues as unknown[]),
      };
    case 'const':
      return {
        path: formatPath(segments),
        expected: JSON.stringify(params.allowedValue),
        found: render(value),
      };
    case 'type':
      return {
        path: formatPath(segments),
        expected: article(String(params.type)),
        found: render(value),
      };
    default:
      return { path: formatPath(segments), expected: describe(error), found: render(value) };
  }
}

function enumHint(value: unknown, allowed: unknown[]): { hint?: string } {
  if (typeof value !== 'string') return {};
  const suggestion = closestMatch(
    value,
    allowed.filter((v): v is string => typeof v === 'string'),
  );
  return suggestion === undefined ? {} : { hint: `did you mean "${suggestion}"?` };
}

function allowedKeys(error: ErrorObject): string[] {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(parent?.properties ?? {}).filter((k) => k !== '$schema');
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'minimum':
      return `a number ≥ ${params.limit}`;
    case 'maximum':
      return `a number ≤ ${params.limit}`;
    case 'exclusiveMinimum':
      return `a number > ${params.limit}`;
    case 'exclusiveMaximum':
      return `a number < ${params.limit}`;
    case 'minItems':
      return `a list of at least ${params.limit} item${params.limit === 1 ? '' : 's'}`;
    case 'minLength':
      return 'a non-empty string';
    case 'pattern':
      return `a string matching ${params.pattern}`;
    default:
      return error.message ?? error.keyword;
  }
}

function article(type: string): string {
  const readable = type.replace(/,/g, ' or ');
  return /^[aeiou]/.test(readable) ? `an ${readable}` : `a ${readable}`;
}

function render(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(document: unknown, segments: readonly (string | number)[]): unknown {
  let current: unknown = document;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** `['features', 2, 'type']` → `features[2].type` */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(document)' : out;
}

/** The inverse of {@link formatPath}. */
export function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}
