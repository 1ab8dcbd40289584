import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/i18n/localize.js';
import { joinTexts, phraseBook } from '../../../src/core/i18n/phrases.js';
import { getBuiltinScenario } from '../../../src/core/scenario/builtins.js';
import { EVENT_PHRASES, describeEvent } from '../../../src/core/tcp/describe.js';
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

  it("carry the engine's sentences: a translation added to its book reaches describeEvent", () => {
    const run = simulate(getBuiltinScenario('handshake')!);
    const index = run.events.findIndex((e) => e.type === 'state');
    expect(text(describeEvent(run, index), 'zh-CN')).toBe('0 ms: the server goes from CLOSED to LISTEN');
    const saved = EVENT_PHRASES['zh-CN'];
    try {
      EVENT_PHRASES['zh-CN'] = { state: (side: string, from: string, to: string) => `${side} 从 ${from} 进入 ${to}` };
      expect(text(describeEvent(run, index), 'zh-CN')).toBe('0 ms: server 从 CLOSED 进入 LISTEN');
      expect(text(describeEvent(run, index), 'en')).toBe('0 ms: the server goes from CLOSED to LISTEN');
    } finally {
      EVENT_PHRASES['zh-CN'] = saved;
    }
  });
});
