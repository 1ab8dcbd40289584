// A page with the simulation player, as a learner walks it in the whole app:
// the teaching text is never cut, the ladder scrolls, `i` shows everything,
// a wrong prediction stays marked, and playback pauses on a terminal too small.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { text } from '../../src/core/i18n/localize.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { findScenario } from '../../src/core/scenario/builtins.js';
import { describeEvent, explainSegment } from '../../src/core/tcp/describe.js';
import { simulate } from '../../src/core/tcp/simulate.js';
import type { SimResult } from '../../src/core/tcp/types.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { App } from '../../src/ui/App.js';
import { makeTheme } from '../../src/ui/theme.js';
import { frameChecker } from '../helpers/frames.js';
import { KEYS, renderTui } from '../helpers/render.js';
import { tcpOf } from '../helpers/tcp-page.js';

afterEach(() => cleanup());

const { lessons } = loadLessons({ builtinDir: 'lessons' });

async function open(lesson: Lesson, pageIndex: number, columns: number, rows: number, ascii = false) {
  const initial = initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons,
    progress: emptyProgress(),
    seed: 1,
    startLesson: lesson.id,
  });
  const ui = await renderTui(
    <App
      initial={initial}
      theme={makeTheme({ color: false, ascii })}
      locale="en"
      progressFile="/x"
      onSave={() => undefined}
    />,
    { columns, rows },
  );
  // Frames drawn before the terminal had its size are left out.
  const start = ui.frames.length;
  const checker = frameChecker(ui.frames, columns, rows, start);
  // n turns the page, but types an n into a typed answer: there → does (and on a model page → steps the run).
  for (let i = 0; i < pageIndex; i++) await ui.press(lesson.pages[i]!.exercise?.type === 'short' ? KEYS.right : 'n');
  await ui.waitForFrame(`page ${pageIndex + 1}/${lesson.pages.length}`);
  return { ...ui, checker, drawn: () => ui.frames.slice(start) };
}

/** The frame as running text: a sentence wrapped over lines reads whole here. */
const prose = (frame: string) => frame.replace(/\s+/g, ' ');
const whole = (sentence: string) => sentence.replace(/\s+/g, ' ');
const eventShown = (frame: string) => Number(/event (\d+)\/\d+/.exec(frame)?.[1] ?? Number.NaN);
const statusBar = (frame: string) => frame.split('\n').at(-1) ?? '';

/** What the player must show whole at event `n` (1-based) of `run`: the event, and what its segment means. */
function sentencesAt(run: SimResult, n: number): string[] {
  const index = n - 1;
  const out = [text(describeEvent(run, index), 'en')];
  const event = run.events[index]!;
  const id = 'id' in event ? event.id : undefined;
  for (let i = index; i >= 0; i--) {
    const e = run.events[i]!;
    if (e.type === 'send' && (id === undefined || e.id === id)) {
      out.push(text(explainSegment(run, i), 'en'));
      break;
    }
  }
  return out;
}

const modelPages = lessons.flatMap((lesson) =>
  lesson.pages.flatMap((page, index) => (tcpOf(page) ? [{ lesson, page, index, settings: tcpOf(page)! }] : [])),
);

describe('a page with the player', () => {
  it('is in the shipped lessons', () => {
    expect(modelPages.length).toBeGreaterThan(1);
  });

  for (const [columns, rows] of [
    [80, 24],
    [60, 20],
  ] as const) {
    // One test per page, so that each has the whole time limit (a lesson has up to eight model pages).
    const pages = modelPages.map((m) => ({ ...m, name: `${m.lesson.id}/${m.page.id}` }));
    it.each(pages)(
      `at ${columns}×${rows}, steps through $name with nothing cut`,
      async ({ lesson, index, settings }) => {
        const run = simulate(findScenario(settings.scenario, lesson.scenarios)!);
        const ui = await open(lesson, index, columns, rows);
        const where = `${lesson.id}/${settings.scenario} at ${columns}×${rows}`;
        // Before the first event: the page's own text or the line that says i shows it, and the description.
        let frame = ui.frame();
        const description = findScenario(settings.scenario, lesson.scenarios)!.description!;
        expect(prose(frame), where).toContain(whole(description));
        expect(prose(frame)).toMatch(/Step through it|Press Space to play|i shows the page's text/);
        for (let n = 1; n <= run.events.length; n++) {
          await ui.press(KEYS.right);
          frame = ui.frame();
          if (frame.includes('? ') && eventShown(frame) === n - 1) {
            // A predict question: answer it (the first choice, right or wrong); its why is shown whole.
            await ui.press(KEYS.enter);
            frame = await ui.waitForFrame(/Right:|The model's answer:/);
            expect(frame, where).toMatch(/✓ right|✗ wrong/);
            await ui.press(KEYS.right);
            frame = ui.frame();
          }
          expect(eventShown(frame), `${where}\n${frame}`).toBe(n);
          for (const s of sentencesAt(run, n))
            expect(prose(frame), `${where}, event ${n}\n${frame}`).toContain(whole(s));
        }
        // A change, the comparison, and everything in full.
        await ui.press(KEYS.home, KEYS.right, KEYS.right, 'd');
        await ui.waitForFrame('your changes: drop');
        await ui.press('c');
        await ui.waitForFrame(/first difference|no difference yet/);
        await ui.press('c', 'i');
        await ui.waitForFrame('Scenario:');
        const problems = ui.checker.check(where);
        expect(problems.slice(0, 3)).toEqual([]);
        expect(ui.drawn().filter((f) => f.includes('…'))).toEqual([]);
        cleanup();
      },
    );
  }

  it('keeps a wrong prediction marked beside the right one, with the why; h is on the status bar while asked', async () => {
    const { lesson, index } = modelPages[0]!;
    const ui = await open(lesson, index, 80, 24);
    for (let i = 0; i < 8; i++) await ui.press(KEYS.right);
    let frame = await ui.waitForFrame('? What acknowledgment number does the server');
    expect(statusBar(frame)).toContain('h hint');
    expect(statusBar(frame)).toContain('i info');
    // The choices are sorted: 1000 first, a wrong answer.
    expect(frame).toMatch(/› 1000\n/);
    await ui.press(KEYS.enter);
    frame = await ui.waitForFrame("The model's answer: 1001");
    expect(frame).toMatch(/ {2}1000 {2}✗ wrong\n/);
    expect(frame).toMatch(/ {2}1001 {2}✓ right, not chosen\n/);
    expect(prose(frame)).toContain(
      "Acknowledges the client's SYN (ack = its seq + 1 = 1001) and carries the server's own initial sequence number (5000).",
    );
  });

  it('says what d and u do, whole, and where the learner stays', async () => {
    const { lesson, index } = modelPages[0]!;
    const ui = await open(lesson, index, 60, 20);
    for (let i = 0; i < 4; i++) await ui.press(KEYS.right);
    await ui.press('d');
    let frame = await ui.waitForFrame('your changes: drop');
    expect(prose(frame)).toContain(
      'segment 1 the client sends is now lost: the run is worked out again with it, and you stay at event 4',
    );
    await ui.press('u');
    frame = await ui.waitForFrame('duplicate');
    expect(prose(frame)).toMatch(/now arrives twice: the run is worked out again with it, and you stay at event 4/);
    expect(frame).not.toContain('…');
  });

  it('scrolls the ladder with ↑/↓ and PgUp/PgDn without moving the current event, and comes back on a step', async () => {
    const lost = modelPages.find((p) => p.settings.scenario === 'lost-syn')!;
    const ui = await open(lost.lesson, lost.index, 80, 24);
    await ui.press(KEYS.end);
    await ui.waitForFrame('? What sequence number');
    await ui.press(KEYS.enter, KEYS.end);
    const end = await ui.waitForFrame(/event 16\/16[\s\S]*↑ more above/);
    expect(end).toMatch(/^ 460 +│/m);
    await ui.press(KEYS.up);
    const up = await ui.waitForFrame('↑↓ more');
    expect(up).toContain('event 16/16');
    expect(up).not.toMatch(/^ 460 +│/m);
    await ui.press(KEYS.pageUp, KEYS.pageUp, KEYS.pageUp);
    const top = await ui.waitForFrame(/ {3}0 {14}│ +│ LISTEN/);
    expect(top).toContain('↓ more below');
    expect(top).toContain('event 16/16');
    await ui.press(KEYS.pageDown);
    await ui.waitForFrame((f) => !f.includes(' 0              │'));
    // A step back brings the view to the current event again.
    await ui.press(KEYS.left);
    const back = await ui.waitForFrame('event 15/16');
    expect(back).toContain('↑ more above');
    expect(back).not.toContain('more below');
    expect(back).toMatch(/^ 460 +│/m);
  });

  it("shows the page's text and the scenario's description in full with i, scrolled with ↑/↓, closed with i or Esc", async () => {
    const lost = modelPages.find((p) => p.settings.scenario === 'lost-syn')!;
    const ui = await open(lost.lesson, lost.index, 60, 16);
    await ui.press(KEYS.right, KEYS.right, KEYS.right, KEYS.right, KEYS.right);
    let frame = await ui.waitForFrame('event 5/');
    // Too short for the page's text: one line says where it is, and i is on the status bar.
    expect(frame).toContain(`${text(lost.page.title!, 'en')} — i shows the page's text`);
    expect(statusBar(frame)).toContain('i info');
    await ui.press('i');
    frame = await ui.waitForFrame('Esc/i close');
    // The start of the page's text (its first sentence; inline Markdown marks are drawn as styles, not characters).
    const firstSentence = text(lost.page.text!, 'en')
      .replace(/[*`]/g, '')
      .split(/(?<=[.!?])\s/)[0]!;
    expect(prose(frame)).toContain(whole(firstSentence));
    expect(frame).toContain('more below');
    const description = findScenario('lost-syn')!.description!;
    let all = prose(frame);
    for (let i = 0; i < 30 && !all.includes(whole(description)); i++) {
      await ui.press(KEYS.down);
      all = prose(ui.frame());
    }
    expect(all).toContain(whole(description));
    await ui.press('?');
    expect(ui.frame()).not.toContain('Keys —');
    await ui.press('i');
    frame = await ui.waitForFrame((f) => !f.includes('Esc/i close'));
    expect(frame).toContain('event 5/');
    await ui.press('i', KEYS.escape);
    await ui.waitForFrame((f) => !f.includes('Esc/i close') && f.includes('event 5/'));
    // The help lists it.
    await ui.press('?');
    frame = await ui.waitForFrame('Keys —');
    expect(frame).toContain('i           everything on this page, in full');
  });

  it('pauses while the terminal is too small, and does not play on by itself', async () => {
    const { lesson, index } = modelPages[0]!;
    const ui = await open(lesson, index, 80, 24);
    // The slowest speed: no event comes by itself while the test runs.
    await ui.press('-', '-', KEYS.space);
    await ui.waitForFrame('playing ×0.25');
    await ui.resize(50, 12);
    await ui.waitForFrame('Make the terminal at least 60×16');
    await ui.resize(80, 24);
    const frame = await ui.waitForFrame('paused while the terminal was too small: Space plays on');
    expect(frame).toContain('❚❚ paused');
    expect(frame).toContain('event 0/');
    await ui.press(KEYS.space);
    await ui.waitForFrame('playing ×0.25');
  });
});
