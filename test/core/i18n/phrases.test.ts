import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/i18n/localize.js';
import { joinTexts, phraseBook } from '../../../src/core/i18n/phrases.js';
import { getBuiltinScenario } from '../../../src/core/scenario/builtins.js';
import { VERDICT_PHRASES } from '../../../src/core/answers/verdict.js';
import { GRADE_PHRASES } from '../../../src/core/grading/grade.js';
import { PLAYER_PHRASES } from '../../../src/core/models/tcp/player.js';
import { PREDICT_PHRASES } from '../../../src/core/models/tcp/predict.js';
import { EVENT_PHRASES, describeEvent } from '../../../src/core/tcp/describe.js';
import { SCALE_PHRASES } from '../../../src/core/tcp/scale.js';
import { simulate } from '../../../src/core/tcp/simulate.js';

describe('phrase books: the sentences nettutor writes, per language', () => {
  const { say } = phraseBook(
    { hello: 'Hello.', count: (n: number) => `${n} segments` },
    { 'zh-CN': { count: (n: number) => `${n} 个报文段` } },
  );

  it('give a phrase in every language that has it, and English alone where only English has it', () => {
    expect(say('count', 3)).toEqual({ en: '3 segments', 'zh-CN': '3 个报文段' });
    expect(say('hello')).toBe('Hello.');
    // The learner's language, falling back to English like a lesson text.
    expect(text(say('count', 2), 'zh-CN')).toBe('2 个报文段');
    expect(text(say('hello'), 'zh-CN')).toBe('Hello.');
  });

  it('join parts language by language, each part falling back to English on its own', () => {
    expect(joinTexts([say('hello'), ' ', say('count', 1)])).toEqual({
      en: 'Hello. 1 segments',
      'zh-CN': 'Hello. 1 个报文段',
    });
    expect(joinTexts(['a', 'b'], '-')).toBe('a-b');
  });

  it("carry the engine's sentences in every language their book has", () => {
    const run = simulate(getBuiltinScenario('handshake')!);
    const index = run.events.findIndex((e) => e.type === 'state');
    expect(text(describeEvent(run, index), 'en')).toBe('0 ms: the server goes from CLOSED to LISTEN');
    expect(text(describeEvent(run, index), 'zh-CN')).toBe('0 ms：服务器从 CLOSED 进入 LISTEN');
    // A phrase a translation lacks falls back to English, phrase by phrase.
    const saved = EVENT_PHRASES['zh-CN'];
    try {
      EVENT_PHRASES['zh-CN'] = { ...saved, state: undefined };
      expect(text(describeEvent(run, index), 'zh-CN')).toBe('0 ms：the server goes from CLOSED to LISTEN');
    } finally {
      EVENT_PHRASES['zh-CN'] = saved;
    }
  });

  it('are complete in Chinese: every phrase the core writes has its zh-CN form', () => {
    const books = { EVENT_PHRASES, PREDICT_PHRASES, PLAYER_PHRASES, GRADE_PHRASES, VERDICT_PHRASES, SCALE_PHRASES };
    for (const [name, book] of Object.entries(books)) {
      const missing = Object.keys(book.en).filter(
        (key) => (book['zh-CN'] as Record<string, unknown>)?.[key] === undefined,
      );
      expect(missing, name).toEqual([]);
    }
  });
});
