/**
 * The `${{ }}` expression language of GitHub Actions, the subset the workflows use: literals
 * (`null`, booleans, numbers, `'strings'` with `''` escapes), context access (`a.b`, `a['b']`,
 * case-insensitive like GitHub's; `a.*.b` maps over an array or object's values), `!`, `<`, `<=`, `>`, `>=`, `==`, `!=`, `&&`, `||`, parentheses,
 * and the functions `contains`, `startsWith`, `endsWith`, `format`, `join`, `toJSON`, `fromJSON`,
 * `success`, `always`, `failure`, `cancelled`. Semantics follow GitHub's documentation: `==`
 * compares strings case-insensitively and coerces mismatched types to numbers; `&&`/`||` return
 * an operand, not a boolean.
 */
import { ExpressionError } from './errors';

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

type Node =
  | { kind: 'literal'; value: ExpressionValue }
  | { kind: 'context'; name: string }
  | { kind: 'property'; target: Node; key: Node }
  | { kind: 'filter'; target: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };

type Token =
  | { kind: 'ident'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'punct'; text: string };

const PUNCTUATION = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
  '!',
  '<',
  '>',
  '*',
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new ExpressionError(source, 'unterminated string literal');
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source[i];
        i++;
      }
      tokens.push({ kind: 'string', value });
      continue;
    }
    const number = /^(?:0x[0-9a-fA-F]+|-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(
      source.slice(i),
    );
    const previous = tokens.at(-1);
    const afterOperand =
      previous !== undefined &&
      (previous.kind !== 'punct' || previous.text === ')' || previous.text === ']');
    if (number && !(number[0].startsWith('-') && afterOperand)) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0] });
      i += ident[0].length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
    if (punct === undefined) {
      throw new ExpressionError(source, `unexpected character '${ch}' at column ${i + 1}`);
    }
    tokens.push({ kind: 'punct', text: punct });
    i += punct.length;
  }
  return tokens;
}

/** Binding power of each binary operator (higher binds tighter), as GitHub documents. */
const BINARY_POWER: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
};

/** Parses an expression (the text between `${{` and `}}`) into a tree. */
function parse(source: string): Node {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const isPunct = (text: string) => {
    const token = peek();
    return token?.kind === 'punct' && token.text === text;
  };
  const expect = (text: string) => {
    if (!isPunct(text))
      throw new ExpressionError(source, `expected '${text}' at token ${position + 1}`);
    position++;
  };

  const primary = (): Node => {
    const token = tokens[position++];
    if (token === undefined) throw new ExpressionError(source, 'unexpected end of expression');
    if (token.kind === 'number') return { kind: 'literal', value: token.value };
    if (token.kind === 'string') return { kind: 'literal', value: token.value };
    if (token.kind === 'punct') {
      if (token.text === '!') return { kind: 'not', operand: unary() };
      if (token.text === '(') {
        const inner = expression(0);
        expect(')');
        return inner;
      }
      throw new ExpressionError(source, `unexpected '${token.text}'`);
    }
    if (token.text === 'true') return { kind: 'literal', value: true };
    if (token.text === 'false') return { kind: 'literal', value: false };
    if (token.text === 'null') return { kind: 'literal', value: null };
    if (isPunct('(')) {
      position++;
      const args: Node[] = [];
      if (!isPunct(')')) {
        for (;;) {
          args.push(expression(0));
          if (isPunct(',')) {
            position++;
            continue;
          }
          break;
        }
      }
      expect(')');
      return { kind: 'call', name: token.text.toLowerCase(), args };
    }
    return { kind: 'context', name: token.text.toLowerCase() };
  };

  const unary = (): Node => {
    let node = primary();
    for (;;) {
      if (isPunct('.')) {
        position++;
        const key = tokens[position++];
        if (key?.kind === 'punct' && key.text === '*') {
          node = { kind: 'filter', target: node };
          continue;
        }
        if (key?.kind !== 'ident')
          throw new ExpressionError(source, 'expected a property name after .');
        node = { kind: 'property', target: node, key: { kind: 'literal', value: key.text } };
      } else if (isPunct('[')) {
        position++;
        const key = expression(0);
        expect(']');
        node = { kind: 'property', target: node, key };
      } else {
        return node;
      }
    }
  };

  const expression = (minPower: number): Node => {
    let left = unary();
    for (;;) {
      const token = peek();
      if (token?.kind !== 'punct') break;
      const power = BINARY_POWER[token.text];
      if (power === undefined || power <= minPower) break;
      position++;
      const right = expression(power);
      left = { kind: 'binary', op: token.text, left, right };
    }
    return left;
  };

  const tree = expression(0);
  if (position !== tokens.length) {
    throw new ExpressionError(
      source,
      `unexpected token at ${position + 1} after a complete expression`,
    );
  }
  return tree;
}

/** GitHub's truthiness: `false`, `0`, `-0`, `''`, `null` and `NaN` are falsy; objects are truthy. */
export function isTruthy(value: ExpressionValue): boolean {
  if (value === null || value === false || value === '') return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return true;
}

/** How a value reads inside a string (`${{ }}` interpolation): `null` is empty, objects are `Object`/`Array`. */
export function toExpressionString(value: ExpressionValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'object') return 'Object';
  return String(value);
}

function toNumber(value: ExpressionValue): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value.trim());
  return Number.NaN;
}

function looseEquals(a: ExpressionValue, b: ExpressionValue): boolean {
  const isObject = (v: ExpressionValue) => v !== null && typeof v === 'object';
  if (isObject(a) || isObject(b)) return a === b;
  if (typeof a === 'string' && typeof b === 'string') return a.toUpperCase() === b.toUpperCase();
  if (typeof a === typeof b) return a === b;
  return toNumber(a) === toNumber(b);
}

function compare(op: string, a: ExpressionValue, b: ExpressionValue): boolean {
  let x: number | string;
  let y: number | string;
  if (typeof a === 'string' && typeof b === 'string') {
    x = a.toUpperCase();
    y = b.toUpperCase();
  } else {
    x = toNumber(a);
    y = toNumber(b);
  }
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

/** The result of `x.*`: later property accesses apply to each element (`labels.*.name`). */
class FilteredArray extends Array<ExpressionValue> {}

function filter(target: ExpressionValue): ExpressionValue {
  const values = Array.isArray(target)
    ? target
    : target !== null && typeof target === 'object'
      ? Object.values(target)
      : [];
  return FilteredArray.from(values) as FilteredArray;
}

function property(target: ExpressionValue, key: ExpressionValue): ExpressionValue {
  if (target instanceof FilteredArray) {
    return FilteredArray.from(
      target.map((item) => property(item, key)).filter((item) => item !== null),
    ) as FilteredArray;
  }
  if (Array.isArray(target)) {
    const index = toNumber(key);
    return Number.isInteger(index) ? (target[index] ?? null) : null;
  }
  if (target === null || typeof target !== 'object') return null;
  const name = toExpressionString(key);
  if (Object.hasOwn(target, name)) return target[name] ?? null;
  const lower = name.toLowerCase();
  const match = Object.keys(target).find((candidate) => candidate.toLowerCase() === lower);
  return match === undefined ? null : (target[match] ?? null);
}

function format(source: string, template: string, args: ExpressionValue[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (match, index: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = args[Number(index)];
    if (value === undefined) {
      throw new ExpressionError(source, `format: no argument for {${index}}`);
    }
    return toExpressionString(value);
  });
}

function call(source: string, name: string, args: ExpressionValue[], scope: ExpressionScope) {
  const arg = (i: number): ExpressionValue => args[i] ?? null;
  switch (name) {
    case 'success':
      return !scope.failed;
    case 'failure':
      return scope.failed;
    case 'always':
      return true;
    case 'cancelled':
      return false;
    case 'contains': {
      const haystack = arg(0);
      if (Array.isArray(haystack)) return haystack.some((item) => looseEquals(item, arg(1)));
      return toExpressionString(haystack)
        .toUpperCase()
        .includes(toExpressionString(arg(1)).toUpperCase());
    }
    case 'startswith':
      return toExpressionString(arg(0))
        .toUpperCase()
        .startsWith(toExpressionString(arg(1)).toUpperCase());
    case 'endswith':
      return toExpressionString(arg(0))
        .toUpperCase()
        .endsWith(toExpressionString(arg(1)).toUpperCase());
    case 'format':
      return format(source, toExpressionString(arg(0)), args.slice(1));
    case 'join': {
      const items = arg(0);
      const separator = args.length > 1 ? toExpressionString(arg(1)) : ',';
      return Array.isArray(items)
        ? items.map(toExpressionString).join(separator)
        : toExpressionString(items);
    }
    case 'tojson':
      return JSON.stringify(arg(0), null, 2);
    case 'fromjson':
      try {
        return JSON.parse(toExpressionString(arg(0))) as ExpressionValue;
      } catch (error) {
        throw new ExpressionError(source, `fromJSON: not JSON: ${toExpressionString(arg(0))}`, {
          cause: error,
        });
      }
    default:
      throw new ExpressionError(source, `unknown function ${name}()`);
  }
}

/** Evaluates one expression (the text between `${{` and `}}`) in `scope`. */
export function evaluateExpression(source: string, scope: ExpressionScope): ExpressionValue {
  const evaluate = (node: Node): ExpressionValue => {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'context': {
        if (!Object.hasOwn(scope.contexts, node.name)) {
          throw new ExpressionError(source, `unknown context '${node.name}'`);
        }
        return scope.contexts[node.name] ?? null;
      }
      case 'property':
        return property(evaluate(node.target), evaluate(node.key));
      case 'filter':
        return filter(evaluate(node.target));
      case 'not':
        return !isTruthy(evaluate(node.operand));
      case 'call':
        return call(source, node.name, node.args.map(evaluate), scope);
      case 'binary': {
        const left = evaluate(node.left);
        if (node.op === '&&') return isTruthy(left) ? evaluate(node.right) : left;
        if (node.op === '||') return isTruthy(left) ? left : evaluate(node.right);
        const right = evaluate(node.right);
        if (node.op === '==') return looseEquals(left, right);
        if (node.op === '!=') return !looseEquals(left, right);
        return compare(node.op, left, right);
      }
    }
  };
  return evaluate(parse(source));
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
