import { describe, expect, it } from 'vitest';
import { ModelNotServedError } from '../src/errors';
import type { LoadedModel } from '../src/loaded-model';
import { ModelSlot } from '../src/model-slot';
import { ServedModels } from '../src/served-models';

/** A stand-in for a loaded version that records its disposal. */
function fakeModel(model: string, version: string): LoadedModel & { disposed: number } {
  const fake = {
    model,
    version,
    tag: `${model}@v${version}`,
    disposed: 0,
    dispose() {
      fake.disposed++;
    },
  };
  return fake as unknown as LoadedModel & { disposed: number };
}

describe('ModelSlot', () => {
  it('keeps a swapped-out version for the requests that leased it, and disposes it after the last one', () => {
    const v1 = fakeModel('m', '1.0.0');
    const v2 = fakeModel('m', '2.0.0');
    const slot = new ModelSlot(v1);
    const first = slot.acquire();
    const second = slot.acquire();
    expect(slot.swap(v2)).toBe(v1);
    expect(slot.model).toBe(v2);
    expect(first.model).toBe(v1);
    first.release();
    expect(v1.disposed).toBe(0);
    second.release();
    expect(v1.disposed).toBe(1);
    const third = slot.acquire();
    expect(third.model).toBe(v2);
    third.release();
    expect(v2.disposed).toBe(0);
  });

  it('disposes a swapped-out version at once when no request holds it', () => {
    const v1 = fakeModel('m', '1.0.0');
    const slot = new ModelSlot(v1);
    slot.swap(fakeModel('m', '2.0.0'));
    expect(v1.disposed).toBe(1);
  });

  it('refuses a version of another model', () => {
    const slot = new ModelSlot(fakeModel('m', '1.0.0'));
    expect(() => slot.swap(fakeModel('other', '1.0.0'))).toThrow(/slot of m/);
  });
});

describe('ServedModels', () => {
  const models = new ServedModels([
    new ModelSlot(fakeModel('house-prices', '1.2.0')),
    new ModelSlot(fakeModel('condos', '2.0.0')),
  ]);

  it('leases the named model, the first one when none is named, with or without its version', () => {
    expect(models.lease('condos', undefined).model.version).toBe('2.0.0');
    expect(models.lease(undefined, undefined).model.model).toBe('house-prices');
    expect(models.lease('house-prices', '1.2.0').model.version).toBe('1.2.0');
  });

  it('refuses another model or version with ModelNotServedError', () => {
    for (const [name, version] of [
      ['other', undefined],
      ['house-prices', 'v1.2.0'],
      ['house-prices', '1.1.0'],
    ]) {
      expect(() => models.lease(name, version)).toThrow(ModelNotServedError);
    }
  });

  it('refuses two slots of the same model', () => {
    const slot = () => new ModelSlot(fakeModel('m', '1.0.0'));
    expect(() => new ServedModels([slot(), slot()])).toThrow(/given twice/);
  });
});
