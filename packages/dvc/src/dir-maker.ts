import { mkdir } from 'node:fs/promises';

/**
 * Creates each folder once (`mkdir -p`), however many files go into it: a pull of 2,000 files
 * in 20 folders makes 20 mkdir calls, not 4,000. Meant for one run; a folder deleted meanwhile
 * by someone else is not made again.
 */
export class DirMaker {
  readonly #made = new Map<string, Promise<void>>();

  ensure(dir: string): Promise<void> {
    let made = this.#made.get(dir);
    if (made === undefined) {
      made = mkdir(dir, { recursive: true }).then(() => undefined);
      this.#made.set(dir, made);
      made.catch(() => this.#made.delete(dir));
    }
    return made;
  }
}
