import { describe, expect, it } from 'vitest';
import { EnvFileError, inputVariableName, parseAnnotations, parseEnvFile } from '../src/index';

describe('parseEnvFile', () => {
  it('reads name=value lines, keeping = signs in the value and letting a later value win', () => {
    expect(parseEnvFile('a=1\n\nb=x=y\na=2\nempty=\n', 'f')).toEqual({
      a: '2',
      b: 'x=y',
      empty: '',
    });
  });

  it('reads heredocs, including empty and multi-line values', () => {
    const text = 'report<<EOF_1\n# Title\n\nbody a=b\nEOF_1\nnone<<X\nX\nafter=1\n';
    expect(parseEnvFile(text, 'f')).toEqual({
      report: '# Title\n\nbody a=b',
      none: '',
      after: '1',
    });
  });

  it('refuses an unclosed heredoc and a line that is neither form, naming file and line', () => {
    expect(() => parseEnvFile('ok=1\nx<<EOF\nnever closed\n', 'out')).toThrow(
      /out:2: heredoc of x/,
    );
    expect(() => parseEnvFile('just text', 'out')).toThrow(EnvFileError);
  });
});

describe('parseAnnotations', () => {
  it('collects error and warning commands with their escaped data', () => {
    expect(
      parseAnnotations(
        'plain\n::warning file=a.ts,line=1::cache down%0Aretrying\n::error::gate failed',
      ),
    ).toEqual([
      { level: 'warning', message: 'cache down\nretrying' },
      { level: 'error', message: 'gate failed' },
    ]);
  });
});

describe('inputVariableName', () => {
  it('uppercases, turns spaces into underscores and keeps hyphens', () => {
    expect(inputVariableName('report-path')).toBe('INPUT_REPORT-PATH');
    expect(inputVariableName('my input')).toBe('INPUT_MY_INPUT');
  });
});
