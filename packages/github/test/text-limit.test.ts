import { describe, expect, it } from 'vitest';
import { truncateText } from '../src/text-limit';

const NOTE = '\n…(truncated)';

describe('truncateText', () => {
  it('leaves a text within the limit as it is', () => {
    expect(truncateText('short', NOTE, 100)).toBe('short');
  });

  it('cuts a long text to the limit, ending with the note', () => {
    const out = truncateText('x'.repeat(200), NOTE, 100);
    expect(out.length).toBe(100);
    expect(out.endsWith(NOTE)).toBe(true);
  });

  it('never leaves a mermaid block open: the block is dropped whole', () => {
    const chart = `\`\`\`mermaid\nxychart-beta\n${'  bar [1, 2, 3]\n'.repeat(20)}\`\`\`\n`;
    const text = `## Report\n\nintro\n\n${chart}after`;
    const out = truncateText(text, NOTE, 120);
    expect(out).toBe(`## Report\n\nintro\n\n${NOTE}`);
    expect((out.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it('never leaves a <details> section open, nested ones included', () => {
    const inner = `<details><summary>b</summary>\n\n${'row\n'.repeat(40)}</details>`;
    const text = `top\n<details><summary>a</summary>\n\n${inner}\n</details>\nend`;
    const out = truncateText(text, NOTE, 100);
    expect(out).toBe(`top\n${NOTE}`);
  });

  it('keeps closed blocks before the cut', () => {
    const text = `<details><summary>a</summary>\nok\n</details>\n${'y'.repeat(200)}`;
    const out = truncateText(text, NOTE, 100);
    expect(out.startsWith('<details><summary>a</summary>\nok\n</details>\n')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(100);
  });

  it('never cuts a surrogate pair in half', () => {
    const out = truncateText(`${'a'.repeat(86)}😀${'b'.repeat(50)}`, NOTE, 100);
    expect(out).toBe(`${'a'.repeat(86)}${NOTE}`);
  });
});
