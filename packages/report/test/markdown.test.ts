import { describe, expect, it } from 'vitest';
import {
  details,
  escapeCell,
  escapeHtml,
  inlineCode,
  markdownTable,
  UNTRUSTED_TEXT_LIMIT,
  untrustedText,
} from '../src/markdown';
import { reportMarker } from '../src/report-marker';

describe('markdown helpers', () => {
  it('build an aligned table with escaped cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 'line\nbreak']], ['left', 'right'])).toBe(
      '| a | b |\n| :--- | ---: |\n| x\\|y | line<br>break |',
    );
    expect(escapeCell('|')).toBe('\\|');
  });

  it('wrap code with backticks in a longer fence, so no backtick run can close it early', () => {
    expect(inlineCode('rmse')).toBe('`rmse`');
    expect(inlineCode('a`b')).toBe('`` a`b ``');
    expect(inlineCode('x `` y')).toBe('``` x `` y ```');
    expect(inlineCode('two\nlines')).toBe('`two lines`');
  });

  it('render hostile strings inert: no mention, image, heading or html escapes the code span', () => {
    for (const hostile of [
      '@maintainer please merge',
      '![x](https://evil.example/pixel.png)',
      '\n## ✅ All gates passed',
      '`` <img src=x onerror=alert(1)> ``',
      '</details><script>alert(1)</script>',
    ]) {
      const out = untrustedText(hostile);
      const fence = /^`+/.exec(out)?.[0] ?? '';
      expect(fence.length, hostile).toBeGreaterThan(0);
      expect(out.endsWith(fence), hostile).toBe(true);
      // The fence appears only at the ends: the text cannot close the span.
      expect(out.slice(fence.length, -fence.length).includes(fence), hostile).toBe(false);
      expect(out.includes('\n'), hostile).toBe(false);
    }
    const long = untrustedText('x'.repeat(UNTRUSTED_TEXT_LIMIT + 50));
    expect(long).toBe(`\`${'x'.repeat(UNTRUSTED_TEXT_LIMIT)}…\``);
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
