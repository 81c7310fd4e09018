export { createSafeCache, type SafeCache } from './safe-cache';
export {
  type RestoredCaches,
  restoreTrainingCaches,
  saveTrainingCaches,
} from './training-cache';
