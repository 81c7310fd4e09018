import { describe, expect, it } from 'vitest';
import { generateHouseSales, generateHouseSalesWindow, toCsv } from '../src/index';

const days = (table: ReturnType<typeof generateHouseSales>) => {
  const column = table.columns.get('sale_date');
  if (column?.kind !== 'date') throw new Error('no sale_date');
  return [new Date(Math.min(...column.values)), new Date(Math.max(...column.values))].map((d) =>
    d.toISOString().slice(0, 10),
  );
};

describe('example windows', () => {
  it('draws the fresh window from the three months after the template data', () => {
    const fresh = generateHouseSalesWindow('fresh');
    expect(fresh.rowCount).toBe(1500);
    expect([...fresh.columns.keys()]).toEqual([...generateHouseSales({ rows: 10 }).columns.keys()]);
    expect(days(fresh)).toEqual(['2025-07-01', '2025-09-30']);
  });

  it('draws the training window from the first 21 months', () => {
    const [first, last] = days(generateHouseSalesWindow('training'));
    expect(first).toBe('2023-01-01');
    expect(last?.slice(0, 7)).toBe('2024-09');
  });

  it('is deterministic and leaves the template data unchanged when firstMonth is 0', () => {
    expect(toCsv(generateHouseSalesWindow('fresh', { rows: 200 }))).toBe(
      toCsv(generateHouseSalesWindow('fresh', { rows: 200 })),
    );
    expect(toCsv(generateHouseSales({ rows: 300, firstMonth: 0 }))).toBe(
      toCsv(generateHouseSales({ rows: 300 })),
    );
    expect(() => generateHouseSales({ firstMonth: -1 })).toThrow(/firstMonth/);
  });
});
