type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const string: Schema = { type: 'string' };

function closed(properties: Record<string, Schema>, required: readonly string[]): Schema {
  return { type: 'object', properties, required, additionalProperties: false };
}

const served = { model: string, version: string, tag: string, backend: string };
const servedKeys = ['model', 'version', 'tag', 'backend'];

/** The schemas of `GET /health` (and `GET /ping`): the models served and how they reload. */
export function healthSchemas(): Record<string, Schema> {
  return {
    Reload: closed(
      {
        following: { type: 'boolean' },
        intervalMs: { type: 'number' },
        state: { enum: ['current', 'refused', 'unreachable', 'no-production'] },
        checkedAt: string,
        production: string,
        lastReload: closed({ from: string, to: string, at: string }, ['from', 'to', 'at']),
        lastRefusal: closed({ version: string, at: string, error: string, message: string }, [
          'version',
          'at',
          'error',
          'message',
        ]),
        checkError: string,
      },
      ['following'],
    ),
    ModelHealth: closed({ ...served, reload: ref('Reload') }, servedKeys),
    Health: closed(
      {
        status: { const: 'ok' },
        ...served,
        reload: ref('Reload'),
        models: { type: 'array', items: ref('ModelHealth'), minItems: 1 },
      },
      ['status', ...servedKeys, 'models'],
    ),
  };
}
