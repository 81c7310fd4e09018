import type { Command } from '../command';
import { dataAdd, dataGenerateExample, dataPull, dataPush, dataStatus } from './data';
import { evaluate } from './evaluate';
import { pipeline } from './pipeline';
import { promote } from './promote';
import { registryList, registryRollback, registryShow } from './registry';
import { serve } from './serve';
import { train } from './train';

/** Every `mlops` command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  pipeline,
  train,
  evaluate,
  promote,
  serve,
  registryList,
  registryShow,
  registryRollback,
  dataPull,
  dataPush,
  dataAdd,
  dataStatus,
  dataGenerateExample,
];
