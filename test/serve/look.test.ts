// A learner's look over SSH: colour, 7-bit output and language from what their ssh sent, and the language
// they chose last time (kept with their progress) after NETTUTOR_LANG and before LANG.
import { describe, expect, it } from 'vitest';
import { sessionLook } from '../../src/serve/session.js';

const terminal = (env: Record<string, string>) => ({ cols: 80, rows: 24, term: 'xterm-256color', env });

describe("a learner's language over SSH", () => {
  it('is NETTUTOR_LANG, else the language they chose last time, else LANG', () => {
    expect(sessionLook(terminal({ NETTUTOR_LANG: 'en', LANG: 'zh_CN.UTF-8' }), 'zh-CN').locale).toBe('en');
    expect(sessionLook(terminal({ LANG: 'zh_CN.UTF-8' }), 'en').locale).toBe('en');
    expect(sessionLook(terminal({ LANG: 'en_US.UTF-8' }), 'zh-CN').locale).toBe('zh-CN');
    expect(sessionLook(terminal({ LANG: 'zh_CN.UTF-8' })).locale).toBe('zh-CN');
    expect(sessionLook(terminal({})).locale).toBe('en');
  });
});
