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
import { GATEWAY_PHRASES } from '../../../src/core/models/http-gateway/phrases.js';
import { MULTIPART_PHRASES } from '../../../src/core/models/http-multipart/phrases.js';
import { EXAMPLE_PHRASES } from '../../../src/core/models/http-proxy/examples.js';
import { FORWARD_PHRASES } from '../../../src/core/models/http-proxy/forward.js';
import { JOURNEY_PHRASES } from '../../../src/core/models/http-proxy/journey.js';
import { MODEL_PHRASES } from '../../../src/core/models/http-proxy/model.js';
import { QUESTION_PHRASES } from '../../../src/core/models/http-proxy/questions.js';
import { VERSIONS_PHRASES } from '../../../src/core/models/http-versions/phrases.js';
import { NOTICE_PHRASES } from '../../../src/node/notices.js';
import { type Book, missingIn, placeholderMismatches } from '../../helpers/phrase-books.js';

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

  it('are complete in Chinese: every phrase the core writes has its zh-CN form, saying what English says', () => {
    const books = {
      EVENT_PHRASES,
      PREDICT_PHRASES,
      PLAYER_PHRASES,
      GRADE_PHRASES,
      VERDICT_PHRASES,
      SCALE_PHRASES,
      // The HTTP models' books: the gateway, the multipart form, the versions' waterfall, the proxy's walk.
      GATEWAY_PHRASES,
      MULTIPART_PHRASES,
      VERSIONS_PHRASES,
      EXAMPLE_PHRASES,
      FORWARD_PHRASES,
      JOURNEY_PHRASES,
      MODEL_PHRASES,
      QUESTION_PHRASES,
      // The notices a session may start with.
      NOTICE_PHRASES,
    };
    for (const [name, book] of Object.entries(books)) {
      expect(missingIn(book as unknown as Book, 'zh-CN'), name).toEqual([]);
      expect(placeholderMismatches(book as unknown as Book, 'zh-CN'), name).toEqual([]);
    }
  });

  it('take an argument that is itself in several languages, language by language', () => {
    const { sayWith } = phraseBook(
      { at: (who: string) => `at ${who}` },
      { 'zh-CN': { at: (who: string) => `在${who}` } },
    );
    expect(sayWith('at', { en: 'the proxy', 'zh-CN': '代理' })).toEqual({ en: 'at the proxy', 'zh-CN': '在代理' });
    expect(sayWith('at', 'proxy2')).toEqual({ en: 'at proxy2', 'zh-CN': '在proxy2' });
  });

  it('join sentences with a separator of each language', () => {
    const { say } = phraseBook({ a: 'One.', b: 'Two.' }, { 'zh-CN': { a: '一。', b: '二。' } });
    expect(joinTexts([say('a'), say('b')], { en: ' ', 'zh-CN': '' })).toEqual({ en: 'One. Two.', 'zh-CN': '一。二。' });
  });
});
