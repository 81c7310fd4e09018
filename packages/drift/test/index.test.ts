import { describe, expect, it } from 'vitest';
import {
  binNumeric,
  bootstrapDifference,
  chiSquareSf,
  chiSquareTest,
  columnDrift,
  DEFAULT_DRIFT_RULES,
  datasetDrift,
  defaultMethod,
  erfc,
  jensenShannonDistance,
  kolmogorovSf,
  ksTwoSample,
  pairedBootstrap,
  populationStabilityIndex,
  wassersteinDistance,
  wassersteinNormed,
  zTestProportions,
} from '../src/index';

describe('@repo/drift', () => {
  it('exports the column and dataset functions, the statistics and the rules', () => {
    const functions = {
      columnDrift,
      datasetDrift,
      defaultMethod,
      ksTwoSample,
      chiSquareTest,
      zTestProportions,
      wassersteinDistance,
      wassersteinNormed,
      jensenShannonDistance,
      populationStabilityIndex,
      binNumeric,
      pairedBootstrap,
      bootstrapDifference,
      kolmogorovSf,
      chiSquareSf,
      erfc,
    };
    for (const [name, value] of Object.entries(functions))
      expect(typeof value, name).toBe('function');
    expect(DEFAULT_DRIFT_RULES.driftShare).toBe(0.5);
  });
});
