export { ExitCode } from './exit-codes';
export { main } from './main';
