import { request } from 'node:http';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { Answer } from './served-release';

type Json = Record<string, unknown>;

/**
 * Validates answers against the OpenAPI description the server published: the schemas of its
 * `components`, compiled once each with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
export class ResponseChecker {
  private readonly ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  /** `METHOD template` of every operation an answer was checked against. */
  readonly seen = new Set<string>();

  constructor(readonly document: Json) {
    this.ajv.addKeyword({ keyword: 'components' });
    this.ajv.addSchema({
      $id: 'https://serving.invalid/openapi.json',
      components: document.components,
    });
  }

  /** Every `METHOD template` the description declares. */
  operations(): string[] {
    const paths = this.document.paths as Record<string, Json>;
    return Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
  }

  /** The validator of `#/components/schemas/<name>`. */
  schema(name: string): ValidateFunction {
    let validate = this.validators.get(name);
    if (validate === undefined) {
      validate = this.ajv.compile({
        $ref: `https://serving.invalid/openapi.json#/components/schemas/${name}`,
      });
      this.validators.set(name, validate);
    }
    return validate;
  }

  /** `answer` is a response the description declares for `method template`, with a valid body. */
  check(method: string, template: string, answer: Answer): void {
    const operation = (this.document.paths as Record<string, Json>)[template]?.[
      method.toLowerCase()
    ] as { responses: Record<string, Json> } | undefined;
    expect(operation, `${method} ${template} is described`).toBeDefined();
    const response = operation?.responses[String(answer.status)] as
      | { content: Record<string, { schema: { $ref: string } }> }
      | undefined;
    expect(response, `${method} ${template} declares ${answer.status}`).toBeDefined();
    const ref = response?.content['application/json']?.schema.$ref ?? '';
    expect(answer.type).toMatch(/^application\/json/);
    this.checkBody(ref.replace('#/components/schemas/', ''), answer.body, `${method} ${template}`);
    this.seen.add(`${method} ${template}`);
  }

  /** A text answer (e.g. `/metrics`) is one the description declares, with its content type. */
  checkText(method: string, template: string, status: number, type: string): void {
    const operation = (this.document.paths as Record<string, Json>)[template]?.[
      method.toLowerCase()
    ] as { responses: Record<string, { content: Record<string, unknown> }> } | undefined;
    const content = operation?.responses[String(status)]?.content ?? {};
    const declared = Object.keys(content).find((mime) => type.startsWith(mime));
    expect(declared, `${method} ${template} declares ${status} as ${type}`).toBeDefined();
    this.seen.add(`${method} ${template}`);
  }

  /** A request body that was answered 200 is valid against the operation's request schema. */
  checkRequest(method: string, template: string, body: unknown): void {
    const operation = (this.document.paths as Record<string, Json>)[template]?.[
      method.toLowerCase()
    ] as { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } } | undefined;
    const ref = operation?.requestBody?.content['application/json']?.schema.$ref;
    expect(ref, `${method} ${template} describes its JSON request`).toBeDefined();
    this.checkBody(
      (ref ?? '').replace('#/components/schemas/', ''),
      body,
      `${method} ${template} request`,
    );
  }

  /** `body` is valid against component `name`. */
  checkBody(name: string, body: unknown, what = name): void {
    const validate = this.schema(name);
    const valid = validate(body);
    expect(
      valid,
      `${what}: ${this.ajv.errorsText(validate.errors)} in ${JSON.stringify(body)}`,
    ).toBe(true);
  }
}

/** Sends the headers and a few bytes of a body it never finishes; resolves with the answer. */
export function stall(url: string, contentType = 'application/json'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': contentType, 'content-length': '1000' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          req.destroy();
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: text === '' ? undefined : JSON.parse(text),
          });
        });
      },
    );
    req.on('error', reject);
    req.write('{"records": [');
  });
}
