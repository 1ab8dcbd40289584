import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/i18n/localize.js';
import { BUILTIN_SCENARIOS, getBuiltinScenario, scenarioTexts } from '../../../src/core/scenario/builtins.js';
import { parseScenario } from '../../../src/core/scenario/validate.js';
import { builtinLessons } from '../../helpers/builtin-lessons.js';

describe("the built-in scenarios' titles and descriptions", () => {
  it('are all written in Chinese too', () => {
    const missing = BUILTIN_SCENARIOS.filter((s) => {
      const t = scenarioTexts(s);
      return text(t.title, 'zh-CN') === s.title || (s.description && text(t.description!, 'zh-CN') === s.description);
    }).map((s) => s.name);
    expect(missing).toEqual([]);
  });

  it("are given in the learner's language, English otherwise", () => {
    const handshake = getBuiltinScenario('handshake')!;
    expect(text(scenarioTexts(handshake).title, 'zh-CN')).toBe('三次握手');
    expect(text(scenarioTexts(handshake).title, 'en')).toBe('The three-way handshake');
  });

  it('are not borrowed by a scenario file that only shares a built-in name', () => {
    const mine = { name: 'handshake', title: 'My own handshake', description: 'Slow network.' };
    expect(scenarioTexts(mine)).toEqual({ title: 'My own handshake', description: 'Slow network.' });
  });
});

describe("a scenario file's translations", () => {
  it('give its title and description in the languages it has, English for the others and for what it lacks', () => {
    const parsed = parseScenario({
      name: 'mine',
      title: 'My handshake',
      description: 'Slow network.',
      translations: { 'zh-CN': { title: '我的握手' } },
      actions: [{ at: 0, side: 'server', call: 'listen' }],
    });
    expect(parsed.ok).toBe(true);
    const t = scenarioTexts(parsed.ok ? parsed.scenario : (undefined as never));
    expect(text(t.title, 'zh-CN')).toBe('我的握手');
    expect(text(t.title, 'en')).toBe('My handshake');
    expect(text(t.description!, 'zh-CN')).toBe('Slow network.');
  });

  it('are checked like the rest of the file: a misspelt field or a language that is no code is a problem', () => {
    const parsed = parseScenario({
      name: 'mine',
      translations: { 'zh-CN': { titel: '我的握手' }, chinese: { title: 'x' } },
      actions: [],
    });
    expect(parsed.ok).toBe(false);
    const fields = parsed.ok ? [] : parsed.problems.map((p) => p.field);
    expect(fields).toContain('translations.zh-CN.titel');
    expect(fields).toContain('translations.chinese');
  });

  it('of the shipped lessons are all in Chinese', () => {
    for (const lesson of builtinLessons)
      for (const [file, s] of Object.entries(lesson.scenarios ?? {})) {
        const t = scenarioTexts(s);
        expect(text(t.title, 'zh-CN'), file).not.toBe(s.title);
        if (s.description) expect(text(t.description!, 'zh-CN'), file).not.toBe(s.description);
      }
  });
});
