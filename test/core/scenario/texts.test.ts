import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/i18n/localize.js';
import { BUILTIN_SCENARIOS, getBuiltinScenario, scenarioTexts } from '../../../src/core/scenario/builtins.js';

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
