export { pauseAt } from './pause-at';
