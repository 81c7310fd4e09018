import { describe, expect, it } from 'vitest';
import { details, escapeCell, escapeHtml, inlineCode, markdownTable } from '../src/markdown';
import { reportMarker } from '../src/report-marker';

describe('markdown helpers', () => {
  it('build an aligned table with escaped cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 'line\nbreak']], ['left', 'right'])).toBe(
      '| a | b |\n| :--- | ---: |\n| x\\|y | line<br>break |',
    );
    expect(escapeCell('|')).toBe('\\|');
  });

  it('wrap code with backticks in double backticks', () => {
    expect(inlineCode('rmse')).toBe('`rmse`');
    expect(inlineCode('a`b')).toBe('`` a`b ``');
  });

  it('make collapsible sections and escape html', () => {
    expect(details('S', 'body', true)).toBe(
      '<details open>\n<summary>S</summary>\n\nbody\n\n</details>',
    );
    expect(escapeHtml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
  });
});

describe('reportMarker', () => {
  it('is an html comment naming the model that cannot be closed early', () => {
    expect(reportMarker('house-prices')).toBe('<!-- mlops-report:house-prices -->');
    expect(reportMarker('a-->b')).toBe('<!-- mlops-report:a-b -->');
  });
});
