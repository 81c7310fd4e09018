import { Transform } from 'node:stream';

/** Transform stream that shows every chunk to `listener` (hashing, progress) and passes it on. */
export function tapStream(listener?: (chunk: Buffer) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      listener?.(chunk);
      done(null, chunk);
    },
  });
}
