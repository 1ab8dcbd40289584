// What a render thread prints, cut into whole lines for the server's log
// (render-pool.ts OutputLines): pieces joined, line ends (\n, \r\n) dropped,
// a character split across chunks kept whole, an over-long line in pieces, and
// what is left unfinished handed on at the end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputLines } from '../../src/serve/render-pool.js';

function collect(max?: number) {
  const lines: string[] = [];
  const out = new OutputLines((l) => lines.push(l), max);
  return { lines, out };
}

describe('a render thread’s output, in lines', () => {
  it('hands on a line only once it is complete, whatever pieces it came in', () => {
    const { lines, out } = collect();
    out.write('a warn');
    out.write(Buffer.from('ing\r\nsecond'));
    expect(lines).toEqual(['a warning']);
    out.write(' line\nthird, unfinished');
    expect(lines).toEqual(['a warning', 'second line']);
    out.end();
    expect(lines).toEqual(['a warning', 'second line', 'third, unfinished']);
  });

  it('keeps a character whose bytes come in two chunks whole', () => {
    const { lines, out } = collect();
    const bytes = Buffer.from('握手 done\n');
    out.write(bytes.subarray(0, 1));
    out.write(bytes.subarray(1, 4));
    out.write(bytes.subarray(4));
    expect(lines).toEqual(['握手 done']);
  });

  it('cuts a line longer than the limit into pieces of the limit', () => {
    const { lines, out } = collect(4);
    out.write('abcdefghij');
    expect(lines).toEqual(['abcd', 'efgh']);
    out.write('\n');
    expect(lines).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('gives the same lines however the text is split into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z \r]{0,12}$/), { maxLength: 6 }),
        fc.array(fc.nat(40), { maxLength: 6 }),
        (ls, cuts) => {
          const text = ls.map((l) => `${l}\n`).join('');
          const { lines, out } = collect();
          let at = 0;
          for (const c of [...cuts].sort((a, b) => a - b)) {
            out.write(text.slice(at, Math.max(at, c)));
            at = Math.max(at, c);
          }
          out.write(text.slice(at));
          out.end();
          expect(lines).toEqual(ls.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)));
        },
      ),
    );
  });
});
