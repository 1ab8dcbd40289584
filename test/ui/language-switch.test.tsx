// L on the home screen switches the language (English, Chinese): every screen
// changes at once, and the choice is saved with the progress.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { initialTutorState, tutorReducer } from '../../src/core/tutor/machine.js';
import { appReducer } from '../../src/ui/intents.js';
import { builtinLessons } from '../helpers/builtin-lessons.js';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const key = { upArrow: false } as never;
const NOW = '2026-01-01T00:00:00.000Z';

describe('the language switch', () => {
  it('L on the home screen turns every screen Chinese, then English again, saving the choice each time', async () => {
    const ui = await renderTutor({ lessons: builtinLessons });
    let frame = await ui.waitForFrame('L language');
    expect(frame).toContain('nettutor — TCP and HTTP, watched and tried');
    await ui.press('L');
    frame = await ui.waitForFrame('L 语言');
    expect(frame).toContain('看懂并动手试 TCP 与 HTTP');
    expect(frame).toContain('三次握手');
    expect(ui.onSave).toHaveBeenLastCalledWith(
      expect.objectContaining({ language: expect.objectContaining({ locale: 'zh-CN' }) }),
    );
    // A lesson opened now is in Chinese, its page and its keys.
    await ui.press(KEYS.down, KEYS.enter);
    frame = await ui.waitForFrame('第 1/');
    expect(frame).toContain('下一页');
    await ui.press(KEYS.escape);
    await ui.waitForFrame('L 语言');
    await ui.press('L');
    await ui.waitForFrame('L language');
    expect(ui.onSave).toHaveBeenLastCalledWith(
      expect.objectContaining({ language: expect.objectContaining({ locale: 'en' }) }),
    );
  });

  it('is in the help of the home screen, in both languages', async () => {
    const ui = await renderTutor({ lessons: builtinLessons, locale: 'zh-CN' });
    await ui.press('?');
    expect(await ui.waitForFrame('切换语言：中文或英文')).toMatch(/^ {2}L +切换语言/m);
  });

  it('does nothing inside a lesson: L is no key there, and the progress is not touched', () => {
    const s = initialTutorState({
      now: NOW,
      lessons: builtinLessons,
      progress: emptyProgress(),
      startLesson: 'teardown',
    });
    const after = appReducer(s, { type: 'key', input: 'L', key, bodyMax: 0, pageRows: 5, at: NOW, locale: 'en' });
    expect(after.locale).toBeUndefined();
    expect(after.progress.language).toBeUndefined();
    // Nor does the reducer take a language anywhere but on the home screen.
    expect(tutorReducer(s, { type: 'locale/set', locale: 'zh-CN' })).toBe(s);
  });

  it('goes from the language the session started in: zh-CN, then English', () => {
    const s = initialTutorState({ now: NOW, lessons: builtinLessons, progress: emptyProgress() });
    const after = appReducer(s, { type: 'key', input: 'L', key, bodyMax: 0, pageRows: 5, at: NOW, locale: 'zh-CN' });
    expect(after.locale).toBe('en');
    expect(after.progress.language).toEqual({ locale: 'en', at: NOW });
    expect(after.saveRequests).toBe(s.saveRequests + 1);
  });
});
