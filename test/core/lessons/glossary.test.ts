// The glossary as data (docs/glossary.md): what `lessons check --strict` enforces in the lessons' Chinese texts,
// and what the phrase books follow too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { glossaryHits, glossaryMessage, parseGlossary } from '../../../src/core/lessons/glossary.js';
import { GATEWAY_PHRASES } from '../../../src/core/models/http-gateway/phrases.js';
import { MULTIPART_PHRASES } from '../../../src/core/models/http-multipart/phrases.js';
import { EXAMPLE_PHRASES } from '../../../src/core/models/http-proxy/examples.js';
import { FORWARD_PHRASES } from '../../../src/core/models/http-proxy/forward.js';
import { JOURNEY_PHRASES } from '../../../src/core/models/http-proxy/journey.js';
import { MODEL_PHRASES } from '../../../src/core/models/http-proxy/model.js';
import { QUESTION_PHRASES } from '../../../src/core/models/http-proxy/questions.js';
import { VERSIONS_PHRASES } from '../../../src/core/models/http-versions/phrases.js';
import { PLAYER_PHRASES } from '../../../src/core/models/tcp/player.js';
import { PREDICT_PHRASES } from '../../../src/core/models/tcp/predict.js';
import { EVENT_PHRASES } from '../../../src/core/tcp/describe.js';
import { ZH as SCENARIOS } from '../../../src/core/scenario/builtins.zh-CN.js';
import { ZH as UI } from '../../../src/ui/strings.zh-CN.js';

const glossary = readFileSync(fileURLToPath(new URL('../../../docs/glossary.md', import.meta.url)), 'utf8');
const entries = parseGlossary(glossary);

describe('docs/glossary.md as data', () => {
  it('gives every term of both tables, with the variants not to write', () => {
    const sequence = entries.find((e) => e.english === 'sequence number');
    expect(sequence).toMatchObject({ chinese: '序号', avoid: ['序列号'] });
    expect(entries.find((e) => e.english === 'header field, header')?.avoid).toEqual(['头信息', '报头', '头部字段']);
    expect(entries.some((e) => e.english === 'pipelining')).toBe(true);
    expect(entries.length).toBeGreaterThan(50);
    // The line of each entry is its row.
    expect(glossary.split('\n')[sequence!.line - 1]).toMatch(/^\| sequence number \|/);
  });

  it('reads a table by its header: columns may move, and a short row has empty cells', () => {
    const table =
      '| note | not | 中文 | English |\n| --- | --- | --- | --- |\n| x | 序列号 | 序号 | sequence number |\n| y |\n';
    expect(parseGlossary(table)).toEqual([
      { english: 'sequence number', chinese: '序号', avoid: ['序列号'], line: 3 },
      { english: '', chinese: '', avoid: [], line: 4 },
    ]);
    // A table without the three columns is not the glossary's.
    expect(parseGlossary('| a | b |\n| --- | --- |\n| 序列号 | x |\n')).toEqual([]);
  });
});

describe('the glossary applied to a Chinese text', () => {
  it('finds each variant with its line, and says the term to write', () => {
    const text = '第一行\n客户端的序列号是 1000，这是头信息。\n';
    const hits = glossaryHits(text, entries);
    expect(hits.map((h) => [h.line, h.found])).toEqual([
      [2, '序列号'],
      [2, '头信息'],
    ]);
    expect(glossaryMessage(hits[0]!)).toBe(
      `"序列号" is not the glossary's term for sequence number: write 序号 (docs/glossary.md, line ${hits[0]!.entry.line})`,
    );
  });

  it('leaves code alone: what a program prints is written as it prints it', () => {
    const text = '它打印 `序列号`。\n```\n序列号 1000\n```\n序号 1000\n';
    expect(glossaryHits(text, entries)).toEqual([]);
  });
});

describe("the phrase books' Chinese", () => {
  /** Every Chinese string a table can write: strings as they are, functions called with markers. */
  const said = (table: Record<string, unknown> | undefined): string[] =>
    Object.values(table ?? {}).flatMap((p) => {
      if (typeof p === 'string') return [p];
      if (typeof p === 'object' && p !== null) return said(p as Record<string, unknown>);
      if (typeof p !== 'function') return [];
      for (const args of [
        [1, 2, 3, 4, 5, 6],
        ['a', 'b', 'c', 'd', 'e', 'f'],
      ])
        try {
          return [String((p as (...a: unknown[]) => unknown)(...args))];
        } catch {}
      return [];
    });

  it('follows the glossary too: no variant it lists as not', () => {
    const books = {
      EVENT_PHRASES,
      PREDICT_PHRASES,
      PLAYER_PHRASES,
      GATEWAY_PHRASES,
      MULTIPART_PHRASES,
      VERSIONS_PHRASES,
      EXAMPLE_PHRASES,
      FORWARD_PHRASES,
      JOURNEY_PHRASES,
      MODEL_PHRASES,
      QUESTION_PHRASES,
    };
    const texts = [
      ...Object.values(books).flatMap((b) => said(b['zh-CN'] as Record<string, unknown>)),
      ...said(UI as unknown as Record<string, unknown>),
      ...said(SCENARIOS as unknown as Record<string, unknown>),
    ];
    expect(texts.length).toBeGreaterThan(300);
    const hits = texts.flatMap((t) => glossaryHits(t, entries).map((h) => `${h.found} in: ${t}`));
    expect(hits).toEqual([]);
  });
});
