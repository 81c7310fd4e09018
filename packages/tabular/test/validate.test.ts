import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../config/src/types';
import { DataValidationError } from '../src/errors';
import { columnTypesFor } from '../src/model-config';
import { parseCsv } from '../src/parse-csv';
import { assertValid, validateTable } from '../src/validate';

const config: ModelConfig = {
  name: 'house-prices',
  task: 'regression',
  data: { files: ['data/sales.csv'], maxMissingRate: 0.2 },
  features: [
    { name: 'sqft', type: 'numeric', min: 100, max: 20_000 },
    { name: 'hood', type: 'categorical' },
  ],
  target: { name: 'price', transform: 'log', min: 1 },
  groups: ['hood'],
  split: { method: 'time', timeColumn: 'sold', validationFraction: 0.1, testFraction: 0.2 },
  missing: { numeric: 'median', categorical: 'unknown' },
  model: { type: 'mlp', hiddenLayers: [8], activation: 'relu' },
  training: { epochs: 1, batchSize: 8, learningRate: 0.01, optimizer: 'adam', earlyStopping: null },
  seed: 1,
  gates: [],
};

const read = (text: string) =>
  parseCsv(Buffer.from(text), 'sales.csv', { types: columnTypesFor(config) });

describe('validateTable', () => {
  it('finds no issue in a table that matches its configuration', () => {
    const table = read(
      'sold,sqft,hood,price\n2023-01-01,1200,A,500000\n2023-01-02,,B,450000\n2023-01-03,900,A,1\n2023-01-04,950,B,2\n2023-01-05,1000,A,3\n',
    );
    expect(validateTable(table, config)).toEqual([]);
    expect(() => assertValid(table, config)).not.toThrow();
  });

  it('reports missing feature, target, group and time columns', () => {
    const table = parseCsv(Buffer.from('other\n1\n'), 'sales.csv');
    const issues = validateTable(table, config);
    expect(issues.map((issue) => issue.column)).toEqual(['sqft', 'hood', 'price', 'hood', 'sold']);
    expect(issues[0]?.message).toBe('sales.csv: feature column "sqft" is missing');
    expect(issues[4]?.message).toBe('sales.csv: time column "sold" is missing');
    expect(issues.every((issue) => issue.file === 'sales.csv')).toBe(true);
  });

  it('reports a categorical column where numeric is declared', () => {
    const table = parseCsv(Buffer.from('sold,sqft,hood,price\n2023-01-01,big,A,1\n'), 'sales.csv');
    const issues = validateTable(table, config);
    expect(issues).toEqual([
      {
        file: 'sales.csv',
        column: 'sqft',
        message: 'sales.csv: feature column "sqft" is categorical, expected numeric',
      },
    ]);
  });

  it('reports the first row outside the declared range and how many are', () => {
    const table = read(
      'sold,sqft,hood,price\n2023-01-01,1200,A,5\n2023-01-02,50,A,5\n2023-01-03,30000,A,5\n2023-01-04,1000,A,0\n',
    );
    const issues = validateTable(table, config);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ column: 'sqft', row: 2 });
    expect(issues[0]?.message).toBe(
      'sales.csv: column "sqft" row 2: value 50 is outside [100, 20000] (2 values out of range)',
    );
    expect(issues[1]).toMatchObject({ column: 'price', row: 4 });
  });

  it('reports a missing rate above the allowed one with the rate', () => {
    const table = read(
      'sold,sqft,hood,price\n2023-01-01,1200,A,5\n2023-01-02,,A,5\n2023-01-03,NA,A,5\n2023-01-04,1000,A,5\n',
    );
    const issues = validateTable(table, config);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ column: 'sqft', row: 2 });
    expect(issues[0]?.message).toContain(
      '50.00% missing values (2 of 4), above the allowed 20.00%',
    );
  });

  it('reports missing target values with the first row', () => {
    const table = read(
      'sold,sqft,hood,price\n2023-01-01,1200,A,5\n2023-01-02,1000,A,\n2023-01-03,1000,A,5\n',
    );
    const issues = validateTable(table, config);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe(
      'sales.csv: target column "price" row 2: missing value (1 missing target value)',
    );
  });
});

describe('assertValid', () => {
  it('throws a DataValidationError listing every issue', () => {
    const table = parseCsv(Buffer.from('sold,sqft,hood,price\n2023-01-01,big,A,\n'), 'sales.csv');
    let caught: unknown;
    try {
      assertValid(table, config);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataValidationError);
    const error = caught as DataValidationError;
    expect(error.issues).toHaveLength(2);
    expect(error.message).toContain('2 data validation issues');
    expect(error.message).toContain('"sqft" is categorical');
    expect(error.message).toContain('"price" row 1: missing value');
  });
});
