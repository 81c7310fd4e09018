import { describe, expect, it } from 'vitest';
import {
  ColumnMismatchError,
  DRIFT_INPUT_EXIT_CODE,
  DriftOptionError,
  EmptySampleError,
  InvalidValueError,
  SampleLengthError,
} from '../src/errors';

describe('drift errors', () => {
  it('carry their name, the column, the cause and exit code 3', () => {
    const cause = new Error('underlying');
    for (const Kind of [
      EmptySampleError,
      SampleLengthError,
      InvalidValueError,
      DriftOptionError,
      ColumnMismatchError,
    ]) {
      const error = new Kind('message', 'price', { cause });
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(Kind.name);
      expect(error.column).toBe('price');
      expect(error.cause).toBe(cause);
      expect(error.exitCode).toBe(3);
    }
    expect(DRIFT_INPUT_EXIT_CODE).toBe(3);
  });
});
