import type { Command } from '../command';
import { dataAdd, dataGenerateExample, dataPull, dataPush, dataStatus } from './data';
import { drift, driftCompare, driftGenerateWindow } from './drift';
import { evaluate } from './evaluate';
import { pipeline } from './pipeline';
import { predict } from './predict';
import { promote } from './promote';
import { registryList, registryRollback, registryShow } from './registry';
import { retrain } from './retrain';
import { serve } from './serve';
import { train } from './train';

/** Every `mlops` command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  pipeline,
  train,
  evaluate,
  promote,
  serve,
  predict,
  registryList,
  registryShow,
  registryRollback,
  dataPull,
  dataPush,
  dataAdd,
  dataStatus,
  dataGenerateExample,
  drift,
  driftCompare,
  driftGenerateWindow,
  retrain,
];
