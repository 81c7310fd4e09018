import { describe, expect, it } from 'vitest';
import { globalOptions } from '../src/command';
import { commands } from '../src/commands/index';

/** The option names a help line documents: `--port <n>` documents `port`. */
const flagName = (flag: string) => /^--([a-z-]+)/.exec(flag)?.[1];

describe('every command explains its own options', () => {
  for (const command of commands) {
    it(`mlops ${command.name} documents each of its options once, and only those`, () => {
      const documented = command.optionHelp.map(([flag]) => flagName(flag));
      expect(documented.sort()).toEqual(Object.keys(command.options).sort());
      for (const [, text] of command.optionHelp) expect(text.length).toBeGreaterThan(10);
    });
  }

  it('no command redefines a global option', () => {
    for (const command of commands) {
      for (const name of Object.keys(command.options))
        expect(globalOptions).not.toHaveProperty(name);
    }
  });

  it('every option that has a default value says so in its help', () => {
    for (const command of commands) {
      for (const [flag, text] of command.optionHelp) {
        const option = command.options[flagName(flag) ?? ''];
        if (option?.type === 'string')
          expect(text, `${command.name} ${flag}`).toMatch(/\(default: |\(required\)/);
      }
    }
  });
});
