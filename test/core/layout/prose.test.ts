import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { inlineSpans, layoutProse, lineText, padToWidth, truncateToWidth } from '../../../src/core/layout/prose.js';

const texts = (text: string, width: number) => layoutProse(text, width).map(lineText);

describe('layoutProse', () => {
  it('word-wraps paragraphs to the width and keeps blank lines between them', () => {
    expect(texts('The client sends SYN and the server answers SYN,ACK.\n\nThen ACK.', 20)).toEqual([
      'The client sends SYN',
      'and the server',
      'answers SYN,ACK.',
      '',
      'Then ACK.',
    ]);
  });

  it('never produces a line wider than the width, even for one long word', () => {
    for (const line of texts('a'.repeat(50) + ' short', 12)) expect(stringWidth(line)).toBeLessThanOrEqual(12);
  });

  it('joins the lines of one paragraph written across several source lines', () => {
    expect(texts('one\ntwo\nthree', 40)).toEqual(['one two three']);
  });

  it('gives bullets a hanging indent', () => {
    expect(texts('- SYN consumes one sequence number, and so does FIN', 24)).toEqual([
      '- SYN consumes one',
      '  sequence number, and',
      '  so does FIN',
    ]);
  });

  it('keeps fenced blocks as they are, cutting only what is wider than the screen', () => {
    const out = texts('```\nclient      server\n  |--SYN-->|\n' + 'x'.repeat(30) + '\n```', 20);
    expect(out[0]).toBe('client      server');
    expect(out[1]).toBe('  |--SYN-->|');
    expect(out[2]).toBe(`${'x'.repeat(19)}…`);
  });

  it('measures wide (CJK) characters as two columns', () => {
    for (const line of texts('三次握手 建立 连接 三次握手 建立 连接', 10))
      expect(stringWidth(line)).toBeLessThanOrEqual(10);
  });

  it('breaks Chinese text between characters to fill each line', () => {
    const out = texts('请区分两件事：ACK 标志位（一个比特）和确认号（发送方期待的下一个序号）。', 20);
    expect(out[0]).toBe('请区分两件事：ACK 标');
    for (const line of out.slice(0, -1)) expect(stringWidth(line)).toBeGreaterThanOrEqual(19);
    for (const line of out) expect(stringWidth(line)).toBeLessThanOrEqual(20);
    expect(out.join('').replace(/ /g, '')).toBe(
      '请区分两件事：ACK标志位（一个比特）和确认号（发送方期待的下一个序号）。',
    );
  });

  it('marks `code` and **strong** spans', () => {
    expect(inlineSpans('send `SYN` **now**')).toEqual([
      { text: 'send ', style: 'plain' },
      { text: 'SYN', style: 'code' },
      { text: ' ', style: 'plain' },
      { text: 'now', style: 'strong' },
    ]);
  });
});

describe('width helpers', () => {
  it('truncates by columns and pads by columns', () => {
    expect(truncateToWidth('TIME-WAIT lasts', 9)).toBe('TIME-WAI…');
    expect(truncateToWidth('short', 9)).toBe('short');
    expect(stringWidth(padToWidth('握手', 6))).toBe(6);
  });
});

describe('Chinese line breaking', () => {
  const lines = (text: string, width: number) => layoutProse(text, width).map(lineText);

  it('never starts a line with closing punctuation, nor ends one with an opening bracket', () => {
    const text = '服务器收到结束报文段后进入，关闭等待状态。然后（很快）发送自己的结束报文段。';
    for (let width = 6; width <= 40; width++) {
      for (const line of lines(text, width)) {
        expect(line, `width ${width}`).not.toMatch(/^[，。、；：？！）」』】]/);
        expect(line, `width ${width}`).not.toMatch(/[（「『【]$/);
        expect(stringWidth(line)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('keeps a code span whole unless it is wider than a line', () => {
    for (let width = 26; width <= 40; width++) {
      const wrapped = lines('运行 `ss -tanp state close-wait` 查看进程。', width);
      expect(
        wrapped.some((l) => l.includes('ss -tanp state close-wait')),
        `width ${width}`,
      ).toBe(true);
    }
  });

  it('keeps closing punctuation off the start of a line after a word too long for one, at every width', () => {
    // A Latin word or a code span with the punctuation right after it is one word; when it must be cut, the
    // punctuation takes a character down with it, and a code span is cut at a space of its own first.
    const texts = [
      '通过 HTTP/1.0，请求 3 的响应在什么时候完整到达？（从第一个 SYN 起的 ms）',
      '它写在 `Content-Type` 里：`multipart/form-data; boundary=AaB03x`。',
      '服务器进入 CLOSE-WAIT：它还没有调用 close()。',
    ];
    for (const text of texts) {
      for (let width = 8; width <= 60; width++) {
        const wrapped = lines(text, width);
        for (const [i, line] of wrapped.entries()) {
          if (i > 0)
            expect(line, `width ${width}: ${JSON.stringify(wrapped)}`).not.toMatch(/^[，。、；：？！）」』】]/);
          expect(stringWidth(line)).toBeLessThanOrEqual(width);
        }
        // Nothing is lost or doubled: the words come back in order.
        expect(wrapped.join('').replace(/ /g, '')).toBe(text.replace(/`/g, '').replace(/ /g, ''));
      }
    }
  });

  it('cuts a code span too long for the line at its own space, keeping that space between the pieces', () => {
    expect(lines('`multipart/form-data; boundary=AaB03x`。', 36)).toEqual([
      'multipart/form-data;',
      'boundary=AaB03x。',
    ]);
    expect(lines('`aaaa bbbb`', 8)).toEqual(['aaaa', 'bbbb']);
  });
});
