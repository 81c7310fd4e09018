/**
 * The `${{ }}` expression language of GitHub Actions, evaluated by GitHub's own implementation,
 * `@actions/expressions` (lexer, parser, evaluator, `contains`, `startsWith`, `endsWith`, `format`,
 * `join`, `toJSON`, `fromJSON`). This module converts the scope's plain JS values to the library's
 * data types and back, supplies the status functions (`success`, `always`, `failure`, `cancelled`)
 * from the scope's `failed` flag, and reports parse and evaluation errors as `ExpressionError`.
 * See docs/decisions/0006-workflow-expressions.md.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import { ExpressionError } from './errors';
import { hashFiles } from './hash-files';

/** A value of the expression language (what JSON can hold). */
export type ExpressionValue =
  | null
  | boolean
  | number
  | string
  | ExpressionValue[]
  | { [key: string]: ExpressionValue };

/** What an expression can see: the contexts by name, and the job status for the status functions. */
export interface ExpressionScope {
  /** Contexts by name (`github`, `env`, `inputs`, `matrix`, `steps`, `needs`, `secrets`, `vars`, `job`, `runner`). */
  readonly contexts: Readonly<Record<string, ExpressionValue>>;
  /** Whether a previous step (or a needed job) failed: drives `success()` and `failure()`. */
  readonly failed: boolean;
}

/** A plain JS value as the library's data type. */
function toData(value: ExpressionValue): data.ExpressionData {
  if (value === null) return new data.Null();
  if (typeof value === 'boolean') return new data.BooleanData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  if (typeof value === 'string') return new data.StringData(value);
  if (Array.isArray(value)) return new data.Array(...value.map(toData));
  return new data.Dictionary(
    ...Object.entries(value).map(([key, item]) => ({ key, value: toData(item) })),
  );
}

/** The library's data type as a plain JS value. */
function fromData(value: data.ExpressionData): ExpressionValue {
  if (value instanceof data.Null) return null;
  if (value instanceof data.BooleanData) return value.value;
  if (value instanceof data.NumberData) return value.number();
  if (value instanceof data.StringData) return value.coerceString();
  if (value instanceof data.Array) return value.values().map(fromData);
  const object: { [key: string]: ExpressionValue } = {};
  for (const pair of value.pairs()) object[pair.key] = fromData(pair.value);
  return object;
}

/** GitHub's truthiness: `false`, `0`, `-0`, `''`, `null` and `NaN` are falsy; objects are truthy. */
export function isTruthy(value: ExpressionValue): boolean {
  return truthy(toData(value));
}

/** How a value reads inside a string (`${{ }}` interpolation): `null` is empty, objects are `Object`/`Array`. */
export function toExpressionString(value: ExpressionValue): string {
  return toData(value).coerceString();
}

/** `hashFiles(…)`, over `github.workspace` (the library leaves it to the host). */
function hashFilesFunction(scope: ExpressionScope): FunctionDefinition {
  return {
    name: 'hashFiles',
    minArgs: 1,
    maxArgs: 255,
    call: (...args: data.ExpressionData[]) => {
      const github = scope.contexts.github as { workspace?: unknown } | undefined;
      const workspace = typeof github?.workspace === 'string' ? github.workspace : process.cwd();
      return new data.StringData(
        hashFiles(
          workspace,
          args.map((a) => a.coerceString()),
        ),
      );
    },
  };
}

/** The status functions, answered from the scope (the library leaves them to the host). */
function statusFunctions(scope: ExpressionScope) {
  const answers: Record<string, () => boolean> = {
    success: () => !scope.failed,
    failure: () => scope.failed,
    always: () => true,
    cancelled: () => false,
  };
  return new Map<string, FunctionDefinition>(
    Object.entries(answers).map(([name, answer]) => [
      name,
      { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(answer()) },
    ]),
  );
}

/** The message of a library error, in the words the runner's errors have used. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknownFunction = /^Unrecognized function: '(.*)'$/.exec(message);
  if (unknownFunction) return `unknown function ${unknownFunction[1]?.toLowerCase()}()`;
  const unknownContext = /^Unrecognized named-value: '(.*)'$/.exec(message);
  if (unknownContext) return `unknown context '${unknownContext[1]?.toLowerCase()}'`;
  if (/^Unexpected symbol: ''/.test(message)) return `unterminated string literal (${message})`;
  return message;
}

/** Evaluates one expression (the text between `${{` and `}}`) in `scope`. */
export function evaluateExpression(source: string, scope: ExpressionScope): ExpressionValue {
  const functions = statusFunctions(scope);
  functions.set('hashfiles', hashFilesFunction(scope));
  let tree: ReturnType<Parser['parse']>;
  try {
    const { tokens } = new Lexer(source).lex();
    tree = new Parser(tokens, Object.keys(scope.contexts), [...functions.values()]).parse();
  } catch (error) {
    throw new ExpressionError(source, describe(error), { cause: error });
  }
  const contexts = toData(scope.contexts as ExpressionValue) as data.Dictionary;
  try {
    return fromData(new Evaluator(tree, contexts, functions).evaluate());
  } catch (error) {
    throw new ExpressionError(source, describe(error), { cause: error });
  }
}

const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;

/** Replaces every `${{ expr }}` in `text` by the string form of its value. */
export function interpolate(text: string, scope: ExpressionScope): string {
  return text.replace(TEMPLATE, (_, inner: string) =>
    toExpressionString(evaluateExpression(inner.trim(), scope)),
  );
}

const STATUS_FUNCTION = /\b(success|failure|always|cancelled)\s*\(/i;

/**
 * Evaluates an `if:` condition the way the runner does: with or without `${{ }}`, and wrapped in
 * `success() && (...)` unless it calls a status function itself. An absent condition is `success()`.
 */
export function evaluateCondition(condition: string | undefined, scope: ExpressionScope): boolean {
  const trimmed = (condition ?? '').trim();
  if (trimmed === '') return !scope.failed;
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(trimmed);
  const source =
    whole && !whole[1]?.includes('${{')
      ? (whole[1] ?? '').trim()
      : trimmed.includes('${{')
        ? interpolate(trimmed, scope)
        : trimmed;
  const wrapped = STATUS_FUNCTION.test(source) ? source : `success() && (${source})`;
  return isTruthy(evaluateExpression(wrapped, scope));
}
