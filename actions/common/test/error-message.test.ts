import { describe, expect, it } from 'vitest';
import { errorMessage } from '../src/error-message';

describe('errorMessage', () => {
  it('joins an error with its causes', () => {
    const error = new Error('cannot publish a@v1.0.0', { cause: new Error('HTTP 500') });
    expect(errorMessage(error)).toBe('cannot publish a@v1.0.0: caused by HTTP 500');
  });

  it('does not repeat a cause the message already contains, and accepts non-errors', () => {
    expect(errorMessage(new Error('x failed: boom', { cause: new Error('boom') }))).toBe(
      'x failed: boom',
    );
    expect(errorMessage('plain')).toBe('plain');
  });
});
