// With --ascii-only, text is folded to 7-bit before it is measured and
// wrapped: every line of every page of the shipped lessons (questions before
// and after an answer, hints, solutions) is 7-bit and fits its width as laid
// out, so nothing is left for the last guard to cut.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { type TutorAction, type TutorState, initialTutorState, tutorReducer } from '../../src/core/tutor/machine.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { helpLines } from '../../src/ui/chrome.js';
import { makeLocalizer } from '../../src/ui/screens/lesson-lines.js';
import { KEYMAP, type Mode } from '../../src/ui/keymap.js';
import type { UiLine } from '../../src/ui/lines.js';
import { homeLines } from '../../src/ui/screens/home-lines.js';
import { pageLines } from '../../src/ui/screens/lesson-lines.js';
import { makeTheme } from '../../src/ui/theme.js';

const { lessons } = loadLessons({ builtinDir: 'lessons' });
const ascii = makeTheme({ color: false, ascii: true });
const run = (s: TutorState, ...actions: TutorAction[]) => actions.reduce(tutorReducer, s);
const text = (line: UiLine) => line.map((s) => s.text).join('');

/** Every state a page of the shipped lessons is drawn in: as opened, with hints and the solution, answered. */
function states(): TutorState[] {
  const out: TutorState[] = [];
  lessons.forEach((lesson, index) => {
    const opened = run(
      initialTutorState({ now: '2026-01-01T00:00:00.000Z', lessons, progress: emptyProgress(), seed: 9 }),
      {
        type: 'home/open',
        index,
      },
    );
    for (let page = 0; page < lesson.pages.length; page++) {
      const s = run(opened, ...Array.from({ length: page }, () => ({ type: 'page/next' }) as const));
      out.push(s);
      if (!s.attempt) continue;
      const typed = run(s, { type: 'answer/type', text: '1234' }, { type: 'answer/toggle' });
      out.push(run(typed, { type: 'answer/submit' }));
      const hinted = run(
        typed,
        { type: 'hint' },
        { type: 'hint' },
        { type: 'hint' },
        { type: 'solution/confirm', yes: true },
      );
      out.push(hinted, run(hinted, { type: 'answer/submit' }));
    }
  });
  return out;
}

function check(lines: UiLine[], width: number, where: string) {
  for (const line of lines) {
    const t = text(line);
    expect(t, `${where}: not 7-bit: ${t}`).toMatch(/^[\x00-\x7f]*$/);
    expect(stringWidth(t), `${where}: wider than ${width}: ${t}`).toBeLessThanOrEqual(width);
  }
}

describe('--ascii-only layout', () => {
  for (const width of [59, 79]) {
    it(`lays out every page folded, within ${width} columns`, () => {
      for (const s of states()) {
        const lesson = s.lessons[s.lessonIndex]!;
        const page = lesson.pages[s.pageIndex]!;
        for (const locale of ['en', 'zh-CN']) {
          const body = pageLines(lesson, page, s.attempt, width, ascii, locale);
          check(body.lines, width, `${lesson.id}/${page.id} (${locale})`);
        }
      }
    });

    it(`lays out the lesson list and the help of every screen within ${width} columns`, () => {
      const home = initialTutorState({
        now: '2026-01-01T00:00:00.000Z',
        lessons,
        progress: emptyProgress(),
        notices: ['A notice — with “quotes”…'],
      });
      check(homeLines(home, home.notices, width, 20, ascii, 'zh-CN'), width, 'home');
      for (const mode of Object.keys(KEYMAP) as Mode[])
        check(helpLines(mode, ascii, [], makeLocalizer('zh-CN', ascii)), width, `help ${mode}`);
    });
  }

  it('keeps a sentence whole where typographic characters used to push it over the edge', () => {
    const lesson = lessons.find((l) => l.id === 'how-nettutor-works')!;
    const page = lesson.pages.find((p) => p.id === 'try-single')!;
    const body = pageLines(lesson, page, null, 79, ascii, 'en').lines.map(text).join(' ').replace(/\s+/g, ' ');
    expect(body).toContain(
      'Move with Up Down, press Enter to answer. After an answer you see why each choice is right or wrong.',
    );
  });
});
