// The HTTP versions model in the tutorial: it asks its first question as the
// page opens, with the picture hidden; the answer brings the waterfall back at
// the row asked about; the learner's keys change the picture (and say why
// when they cannot); f shows HTTP/2 as frames. Its drawing fits any width
// and height it is given, in 7 bits with --ascii-only, side by side when wide.
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { text } from '../../src/core/i18n/localize.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { httpVersionsKind } from '../../src/core/models/http-versions/kind.js';
import {
  type VersionsAction,
  type VersionsState,
  initialVersionsState,
  versionsReducer,
} from '../../src/core/models/http-versions/state.js';
import type { VersionsPage } from '../../src/core/models/http-versions/types.js';
import { Checker } from '../../src/core/schema/checker.js';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { initialTutorState, tutorReducer } from '../../src/core/tutor/machine.js';
import type { UiLine } from '../../src/ui/lines.js';
import { httpVersionsView } from '../../src/ui/models/http-versions.js';
import type { DrawOptions, ModelDrawing } from '../../src/ui/models/view.js';
import { makeTheme } from '../../src/ui/theme.js';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

function page(raw: Record<string, unknown>): VersionsPage {
  const c = new Checker();
  const p = (
    httpVersionsKind as unknown as { parseBlock: (c: Checker, r: object, path: string, ctx: object) => VersionsPage }
  ).parseBlock(c, raw, 'model', {});
  expect(c.problems).toEqual([]);
  return p;
}

const lesson = (raw: Record<string, unknown>): Lesson => ({
  id: 'versions',
  order: 1,
  title: 'Versions',
  summary: 'HTTP versions.',
  source: '/fixtures/versions/lesson.jsonc',
  pack: 'builtin',
  pages: [
    { id: 'intro', text: 'Before.' },
    {
      id: 'watch',
      title: 'Watch',
      text: 'One connection or many.',
      model: {
        kind: 'http-versions',
        settings: page(raw),
        questionIds: (raw.questions as { id: string }[] | undefined)?.map((q) => q.id) ?? [],
      },
    },
    { id: 'after', text: 'After.' },
  ],
});

const TWO = {
  requests: 5,
  modes: ['1.0', '1.1'],
  questions: [
    { id: 'q-done', ask: 'done', mode: '1.1', request: 4 },
    { id: 'q-first', ask: 'first-done', after: 'slow' },
  ],
  hints: { 'q-done': [{ en: 'One handshake, then a round trip each.' }] },
};

describe('the http-versions model in the tutorial', () => {
  it('asks its first question as the page opens, and keeps it in the session state', () => {
    const l = lesson(TWO);
    const s = tutorReducer(
      initialTutorState({
        now: '2026-01-01T00:00:00.000Z',
        lessons: [l],
        progress: emptyProgress(),
        startLesson: 'versions',
      }),
      { type: 'page/next' },
    );
    expect(s.prediction).toMatchObject({ pointId: 'q-done', cursor: 0, verdict: null });
    // 700 (right), 1000 (request 4 over HTTP/1.0, the other mode shown), 700 ± one round trip.
    expect(s.prediction!.choices).toEqual(['600 ms', '700 ms', '800 ms', '1000 ms']);
  });

  it('hides the picture until the answer, then shows it at the row asked about', async () => {
    const ui = await renderTutor({ lessons: [lesson(TWO)], lesson: 'versions' });
    await ui.press('n');
    let frame = await ui.waitForFrame('When has the response to request 4 fully arrived over HTTP/1.1?');
    expect(frame).toContain('The picture comes back once you answer.');
    expect(frame).not.toContain(' 1 c1 ');
    // The picture stays still while the question waits: + does nothing here.
    await ui.press('+');
    expect(ui.frame()).toContain('5 requests · RTT 100 ms · server 50 ms each');
    await ui.press('h');
    await ui.waitForFrame('Hint 1: One handshake, then a round trip each.');
    // Worked out by hand: 100 (handshake) + 4 × (100 + 50) = 700.
    await ui.press(KEYS.down, KEYS.enter);
    frame = await ui.waitForFrame('✓ Right: 700 ms');
    expect(frame).toMatch(/ 4 c1 [·░─█ ]+ 700/);
    expect(frame).toContain('100 + 4 × 100 + 200 = 700 ms');
    expect(frame).toContain('A question comes when you change the slow request: s, or [ and ].');
    const saved = ui.onSave.mock.calls.at(-1)![0];
    expect(saved.lessons.versions?.exercises['q-done']).toMatchObject({ solved: true, hintsUsed: 1 });
  });

  it('changes the picture with its keys, and asks the next question when its setting changes', async () => {
    const ui = await renderTutor({ lessons: [lesson(TWO)], lesson: 'versions' });
    await ui.press('n');
    await ui.waitForFrame('When has the response');
    await ui.press(KEYS.enter);
    await ui.waitForFrame("The model's answer: 700 ms");
    // One more request: the settings and the totals follow; no question yet (it waits for the slow request).
    await ui.press('+');
    let frame = await ui.waitForFrame('6 requests · RTT 100 ms');
    expect(frame).not.toContain('The picture comes back');
    await ui.press('t');
    frame = await ui.waitForFrame('6 requests · RTT 150 ms');
    expect(frame).toContain('HTTP/1.0 — a new connection for each request: 2100 ms');
    // s makes request 1 slow: the next question comes, the picture hidden again.
    await ui.press('s');
    frame = await ui.waitForFrame('Which finishes all 6 requests first now?');
    expect(frame).toContain('request 1 takes 600 ms');
    expect(frame).toContain('The picture comes back once you answer.');
  });

  it('says why a key cannot change anything, shows HTTP/2 as frames, and lists its keys in the help', async () => {
    const ui = await renderTutor({
      lessons: [lesson({ requests: 1, modes: ['1.1', '2'] })],
      lesson: 'versions',
    });
    await ui.press('n');
    await ui.waitForFrame('1 request · RTT 100 ms');
    await ui.press('-');
    await ui.waitForFrame('1 request is the fewest.');
    await ui.press('f');
    let frame = await ui.waitForFrame('HTTP/2: the same requests as frames on one TCP connection');
    expect(frame).toMatch(/100 {2}C→S {2}HEADERS s1 END_STREAM/);
    await ui.press('?');
    frame = await ui.waitForFrame('Keys');
    for (const does of [
      'one more request',
      'make the next request the slow one',
      'a longer round-trip time (RTT)',
      'HTTP/2 as frames',
    ])
      expect(frame).toContain(does);
  });
});

// ---------------------------------------------------------------------------------------------
// The drawing alone, at every size.

const run = (s: VersionsState, ...actions: VersionsAction[]) => actions.reduce(versionsReducer, s);
const lineText = (line: UiLine) => line.map((s) => s.text).join('');

function draw(
  state: VersionsState,
  width: number,
  height: number,
  opts: { ascii?: boolean; screenReader?: boolean } = {},
) {
  const theme = makeTheme({ color: false, ascii: opts.ascii ?? false });
  const o: DrawOptions = {
    width,
    height,
    theme,
    question: null,
    screenReader: opts.screenReader ?? false,
    tr: (t) => theme.text(text(t, 'en')),
  };
  const d = httpVersionsView.lines(state, o) as ModelDrawing;
  return { lines: d.lines.map(lineText), shown: d.shown as { min: number; max: number; page: number } };
}

describe('the http-versions drawing', () => {
  const all = initialVersionsState(page({ slow: { request: 2, server: 700 } }));

  it('fits every width and height, in 7 bits with --ascii-only', () => {
    for (const state of [all, run(all, { type: 'view/toggle' }), run(all, { type: 'requests', delta: 6 })]) {
      for (const [width, height] of [
        [59, 14],
        [79, 18],
        [119, 24],
        [199, 40],
      ] as const) {
        for (const ascii of [false, true]) {
          const { lines } = draw(state, width, height, { ascii });
          expect(lines.length).toBeLessThanOrEqual(height);
          for (const l of lines) {
            expect(stringWidth(l), l).toBeLessThanOrEqual(width);
            if (ascii) expect(l).toMatch(/^[\x20-\x7e]*$/);
          }
        }
      }
    }
  });

  it('stacks the modes when narrow and puts them side by side from 115 columns, on one time axis', () => {
    const narrow = draw(all, 100, 60).lines;
    expect(narrow.filter((l) => l.startsWith('HTTP/'))).toHaveLength(5);
    const wide = draw(all, 130, 60).lines;
    const titles = wide.filter((l) => l.startsWith('HTTP/1.0 '));
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatch(/│ HTTP\/1\.1 ×6 /);
    const axes = wide.filter((l) => l.includes(' ms 0 '));
    expect(axes).toHaveLength(1);
    // Both panes end at the same time: the axis repeats its last label on each side.
    const [left, right] = axes[0]!.split('│');
    expect(left!.trim().split(/\s+/).at(-1)).toBe(right!.trim().split(/\s+/).at(-1));
  });

  it('scrolls the picture within what there is, and marks which way there is more', () => {
    const first = draw(all, 79, 14);
    expect(first.shown.min).toBe(0);
    expect(first.shown.max).toBeGreaterThan(0);
    expect(first.lines.some((l) => l.startsWith('  ↓   ┬'))).toBe(true);
    const down = draw(run(all, { type: 'scroll', delta: 3, ...first.shown }), 79, 14);
    expect(down.lines.some((l) => l.startsWith(' ↑↓   ┬'))).toBe(true);
    const bottom = draw(run(all, { type: 'scroll', delta: 999, ...first.shown }), 79, 14);
    expect(bottom.lines.some((l) => l.startsWith(' ↑    ┬'))).toBe(true);
    expect(bottom.lines.some((l) => l.startsWith(' 6 c1 '))).toBe(true);
  });

  it('speaks in sentences to a screen reader', () => {
    const { lines } = draw(all, 79, 60, { screenReader: true });
    expect(lines).toContain('Request 2, connection 2: sent at 350 ms, response arrived at 1150 ms.');
    expect(lines.join('\n')).not.toMatch(/[░█╌─]/);
  });
});
