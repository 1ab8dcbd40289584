// The proxy model's pages of the shipped lesson, as a learner walks them in
// the whole app: each hop's block marked in characters (not colour alone),
// the rule of each step shown whole or left to `i` with a line that says so,
// the question asked at the first proxy and graded, the hang of an old proxy,
// the keys that change the request, and frames that always fit the terminal
// (7-bit with --ascii-only).
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/core/answers/verdict.js';
import { text } from '../../src/core/i18n/localize.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { journey, proxyNames } from '../../src/core/models/http-proxy/journey.js';
import { httpProxyKind } from '../../src/core/models/http-proxy/kind.js';
import {
  type ProxyAction,
  type ProxySettings,
  type ProxyState,
  initialProxyState,
} from '../../src/core/models/http-proxy/model.js';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { App } from '../../src/ui/App.js';
import type { UiLine } from '../../src/ui/lines.js';
import { httpProxyView, proxyDrawing } from '../../src/ui/models/http-proxy.js';
import { questionSections } from '../../src/ui/models/question-lines.js';
import type { QuestionView } from '../../src/ui/models/view.js';
import { makeTheme } from '../../src/ui/theme.js';
import { frameChecker } from '../helpers/frames.js';
import { KEYS, renderTui } from '../helpers/render.js';

afterEach(() => cleanup());

const { lessons } = loadLessons({ builtinDir: 'lessons' });
const lesson = lessons.find((l) => l.id === 'proxies')!;
const pageOf = (id: string) => lesson.pages.findIndex((p) => p.id === id);
const settingsOf = (id: string) => lesson.pages[pageOf(id)]!.model!.settings as ProxySettings;

async function open(pageId: string, columns: number, rows: number, opts: { ascii?: boolean; seed?: number } = {}) {
  const initial = initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons: [lesson] as Lesson[],
    progress: emptyProgress(),
    seed: opts.seed ?? 1,
    startLesson: lesson.id,
  });
  const ui = await renderTui(
    <App
      initial={initial}
      theme={makeTheme({ color: false, ascii: opts.ascii ?? false })}
      locale="en"
      progressFile="/x"
      onSave={() => undefined}
    />,
    { columns, rows },
  );
  const start = ui.frames.length;
  const checker = frameChecker(ui.frames, columns, rows, start);
  const index = pageOf(pageId);
  for (let i = 0; i < index; i++) await ui.press(lesson.pages[i]!.exercise?.type === 'short' ? KEYS.right : 'n');
  await ui.waitForFrame(`page ${index + 1}/${lesson.pages.length}`);
  return { ...ui, checker, drawn: () => ui.frames.slice(start) };
}

/** The frame as running text: a sentence wrapped over lines reads whole here. */
const prose = (frame: string) => frame.replace(/\s+/g, ' ');

const kind = httpProxyKind as unknown as {
  start: (s: ProxySettings, ctx: { seed: number }) => ProxyState;
  reduce: (s: ProxyState, a: ProxyAction) => ProxyState;
  question: typeof httpProxyKind.question;
  answer: (s: ProxyState, choice: string) => { state: ProxyState; verdict: Verdict };
};

/** The state of a page where its first question is asked (its first request: the same whatever the seed). */
function asking(settings: ProxySettings, moves: ProxyAction[] = [], locale = 'en') {
  let state = kind.start(settings, { seed: 1 });
  for (const m of moves) state = kind.reduce(state, m);
  for (let n = 0; n < 10 && !kind.question(state); n++) state = kind.reduce(state, { type: 'step', delta: 1 });
  const q = kind.question(state)!;
  const view = (verdict?: QuestionView['verdict']): QuestionView => ({
    question: text(q.question, locale),
    choices: q.choices.map((c, i) => (q.labels?.[i] === undefined ? c : text(q.labels[i]!, locale))),
    cursor: verdict?.chosen ?? 0,
    hints: [],
    ...(verdict ? { verdict } : {}),
  });
  return { state, q, view };
}

/** The why of the verdict on the first choice of a page's first question, in English. */
function whyOf(pageId: string): string {
  const { state, q } = asking(settingsOf(pageId));
  return kind
    .answer(state, q.choices[0]!)
    .verdict.feedback.map((f) => text(f, 'en'))
    .join(' ');
}

describe('the proxy model’s pages', () => {
  for (const [columns, rows] of [
    [80, 24],
    [60, 20],
    [60, 16],
  ] as const) {
    it(`at ${columns}×${rows}, walk every step of the first request with each step's rule whole or left to i`, async () => {
      for (const pageId of ['watch', 'watch-old']) {
        const settings = settingsOf(pageId);
        const first = initialProxyState(settings);
        const ui = await open(pageId, columns, rows);
        const where = `${pageId} at ${columns}×${rows}`;
        for (let n = 0; n < first.journey.steps.length; n++) {
          if (n > 0) await ui.press(KEYS.right);
          let frame = ui.frame();
          if (/^\? /m.test(frame)) {
            // The question at the first proxy: answered with the first choice, right or wrong; graded in words, the
            // choices marked at 80 columns (at 60 they give way to the why); the why whole, or at 60×16 left to i.
            await ui.press(KEYS.enter);
            frame = await ui.waitForFrame(/✓ Right:|✗ The model's answer:/);
            if (columns === 80) expect(frame, where).toMatch(/✓ right|✗ wrong/);
            const why = whyOf(pageId);
            if (rows >= 20) expect(prose(frame), `${where}\n${frame}`).toContain(prose(why));
            else expect(prose(frame).includes(prose(why)) || frame.includes('i shows it all'), where).toBe(true);
            await ui.press(KEYS.right);
            frame = ui.frame();
          }
          const sentence = text(first.journey.steps[n]!.sentence, 'en');
          if (columns === 80) expect(prose(frame), `${where}, step ${n + 1}\n${frame}`).toContain(prose(sentence));
          else
            expect(
              prose(frame).includes(prose(sentence)) || frame.includes('i shows it all'),
              `${where}, step ${n + 1}\n${frame}`,
            ).toBe(true);
        }
        expect(ui.checker.check(where)).toEqual([]);
        cleanup();
      }
    });
  }

  it('marks what the proxy removed, added and changed with characters, and says what each mark means', async () => {
    const ui = await open('watch', 80, 24);
    await ui.press(KEYS.right, KEYS.right, KEYS.enter, KEYS.right);
    const frame = await ui.waitForFrame('proxy → server');
    for (const line of [
      '~ GET /news HTTP/1.1 (was GET http://example.com/news HTTP/1.1)',
      '  Host: example.com',
      '✕ Connection: keep-alive',
      '✕ Keep-Alive: timeout=5',
      '+ Via: 1.1 proxy',
      '✕ removed · + added · ~ changed',
    ])
      expect(frame).toContain(line);
  });

  it('with --ascii-only, marks them in 7-bit characters and writes nothing else', async () => {
    const ui = await open('watch', 80, 24, { ascii: true });
    await ui.press(KEYS.right, KEYS.right, KEYS.enter, KEYS.right);
    const frame = await ui.waitForFrame('proxy -> server');
    expect(frame).toContain('x Connection: keep-alive');
    expect(frame).toContain('+ Via: 1.1 proxy');
    expect(frame).toContain('x removed | + added | ~ changed');
    for (const f of ui.drawn()) expect(f).toMatch(/^[\x00-\x7f]*$/);
  });

  it('shows the old proxy’s hang: the server keeps the connection open, the proxy waits, the next request gets no answer', async () => {
    // Tall enough for the whole diagram, every note of the walk in it.
    const ui = await open('watch-old', 80, 34);
    await ui.press(KEYS.right, KEYS.right);
    await ui.waitForFrame('What happens to that request?');
    // Worked out by hand: the old proxy forwards Connection: keep-alive, so it hangs.
    const choices = initialProxyState(settingsOf('watch-old')).journey;
    expect(choices.outcome).toBe('hang');
    await ui.press(KEYS.down, KEYS.down, KEYS.enter);
    await ui.waitForFrame('Right: never answered: it hangs');
    await ui.press(KEYS.end);
    const frame = await ui.waitForFrame('no answer');
    expect(frame).toContain('keeps it open');
    expect(frame).toContain('waits for close');
    expect(frame).toContain('client → proxy: its next request, on the same connection');
    // m: a proxy that follows RFC 9110 removes Connection, and the request starts again.
    await ui.press('m');
    await ui.waitForFrame('RFC 9110 proxy');
    await ui.press(KEYS.end);
    expect(await ui.waitForFrame('5/5')).not.toContain('no answer');
  });

  it('changes the request with e, r and 2, and shows everything in full with i', async () => {
    const ui = await open('watch', 80, 24);
    await ui.press('e');
    await ui.waitForFrame('Connection names a field of its own');
    await ui.press('2');
    await ui.waitForFrame(/2 proxies/);
    expect(ui.frame()).toContain('proxy1');
    await ui.press('r');
    await ui.waitForFrame('A request built at random');
    await ui.press('i');
    const info = await ui.waitForFrame('The whole way so far:');
    expect(info).toContain('client → proxy1: what the client sends');
  });

  it('asks a random page’s questions about a new request each time r builds one', async () => {
    const ui = await open('quiz', 80, 24);
    await ui.press(KEYS.right, KEYS.right);
    await ui.waitForFrame('Which fields reach the server, in order?');
    await ui.press(KEYS.enter);
    await ui.waitForFrame(/Right:|The model's answer:/);
    await ui.press('r', KEYS.right, KEYS.right);
    await ui.waitForFrame((f) => prose(f).includes('Which Via field reaches the server?'));
    expect(ui.checker.check('quiz')).toEqual([]);
  });
});

describe('the view by itself', () => {
  const theme = makeTheme({ color: false, ascii: false });
  const draw = (height: number, screenReader = false) => {
    const state = initialProxyState(settingsOf('watch'));
    const moved = { ...state, step: 2 };
    return httpProxyView.lines(moved, {
      width: 70,
      height,
      theme,
      question: null,
      screenReader,
      tr: (t) => text(t, 'en'),
    });
  };
  const lines = (d: ReturnType<typeof draw>) =>
    (Array.isArray(d) ? d : d.lines).map((l) => l.map((s) => s.text).join(''));

  it('stays within its rows, giving the diagram what the text leaves', () => {
    for (const height of [6, 10, 14, 20, 30]) {
      const drawn = lines(draw(height));
      expect(drawn.length).toBeLessThanOrEqual(height);
    }
    expect(lines(draw(30)).some((l) => l.includes('┬'))).toBe(true);
  });

  it('for a screen reader, says each mark in words and speaks the hops instead of drawing them', () => {
    const drawn = lines(draw(30, true));
    expect(drawn).toContain('removed: Connection: keep-alive');
    expect(drawn).toContain('added: Via: 1.1 proxy');
    expect(drawn.some((l) => l.includes('┬'))).toBe(false);
    expect(drawn).toContain('proxy → server: GET /news HTTP/1.1');
  });

  it('needs the rows of its text and a few of the diagram', () => {
    const state = { ...initialProxyState(settingsOf('watch')), step: 2 };
    const need = httpProxyView.need!(state, {
      width: 80,
      height: 18,
      theme,
      question: null,
      screenReader: false,
      tr: (t) => text(t, 'en'),
    });
    const j = journey(state.example.request, 'rfc', proxyNames(1));
    // Title line, up to six rows of diagram, the block's title and nine lines, the legend, two of rule.
    expect(j.steps[2]!.block.fields.length).toBe(6);
    expect(need).toBe(1 + 6 + 1 + 7 + 1 + 2);
  });

  it('in the rows a model gets at 80×24 and 60×20, shows an answered question’s verdict and why whole, in both languages', () => {
    const lineText = (l: UiLine) => l.map((x) => x.text).join('');
    // Chinese wraps between any two characters: the text is compared without its white space.
    const squeezed = (t: string) => t.replace(/\s+/g, '');
    const pages = lesson.pages.filter((p) => p.model?.kind === 'http-proxy').map((p) => p.id);
    expect(pages).toEqual(['watch', 'quiz', 'watch-old']);
    const variants: ProxyAction[][] = [
      [],
      [{ type: 'example', delta: 1 }],
      [{ type: 'proxies' }],
      [{ type: 'random' }],
    ];
    for (const locale of ['en', 'zh-CN'] as const) {
      const tr = (t: Parameters<typeof text>[0]) => text(t, locale);
      for (const pageId of pages) {
        for (const moves of variants) {
          const { state, q, view } = asking(settingsOf(pageId), moves, locale);
          q.choices.forEach((choice, chosen) => {
            const answered = kind.answer(state, choice);
            const v = answered.verdict;
            const right = q.choices.findIndex(
              (c, i) => (q.labels?.[i] === undefined ? c : text(q.labels[i]!, 'en')) === text(v.expected[0]!, 'en'),
            );
            const question = view({
              correct: v.correct,
              expected: v.expected.map(tr).join(', '),
              feedback: v.feedback.map(tr),
              chosen,
              right: [right],
            });
            const why = question.verdict!.feedback;
            // The frame takes 5 rows and Ink keeps one free; the page's text leaves one line.
            for (const [width, height] of [
              [79, 17],
              [59, 13],
            ] as const) {
              const o = { width, height, theme, question, screenReader: false, tr };
              const lines = proxyDrawing(answered.state, o).lines.map(lineText);
              const frame = lines.join('\n');
              const where = `${locale} ${pageId} ${JSON.stringify(moves)} choice ${chosen} ${width}×${height}\n${frame}`;
              expect(lines.length, where).toBeLessThanOrEqual(height);
              for (const l of lines) expect(stringWidth(l), where).toBeLessThanOrEqual(width);
              expect(frame, where).not.toMatch(/…$/m);
              expect(squeezed(frame), where).toContain(squeezed(question.verdict!.expected));
              // Whole; or, where the verdict and the why alone take more rows than there are (two proxies at 60
              // columns), all else has given way: the frame starts with the verdict, the why keeps the rows there are
              // and `i` shows the rest.
              if (!why.every((f) => squeezed(frame).includes(squeezed(f)))) {
                expect(lines[0], where).toMatch(/^[✓✗]/);
                expect(lines.at(-1), where).toMatch(/i shows it all|i 显示全部/);
                expect(squeezed(frame), where).toContain(squeezed(why[0]!));
              }
            }
            // Where the verdict and the why alone take more rows than there are, the why is not left out whole: it
            // keeps the rows there are, and `i` shows the rest.
            const tiny = proxyDrawing(answered.state, {
              width: 59,
              height: 6,
              theme,
              question,
              screenReader: false,
              tr,
            });
            const shown = tiny.lines.map(lineText).join('\n');
            expect(squeezed(shown), shown).toContain(squeezed(why[0]!).slice(0, 12));
          });
        }
      }
    }
  });

  it('hangs the further lines of a choice that wraps (a list of fields) and its mark, so they read as that choice', () => {
    const lineText = (l: UiLine) => l.map((x) => x.text).join('');
    const question: QuestionView = {
      question: 'Which fields reach the server?',
      choices: ['Host, Cache-Control, Accept-Language, X-Request-Id', 'Host, Via'],
      cursor: 0,
      hints: [],
      verdict: { correct: false, expected: 'Host, Via', feedback: ['Why.'], chosen: 0, right: [1] },
    };
    const tr = (t: Parameters<typeof text>[0]) => text(t, 'en');
    const [, first, second] = questionSections(question, 36, theme, tr).map((s) => s.lines.map(lineText));
    expect(first).toEqual(['  Host, Cache-Control,', '    Accept-Language, X-Request-Id', '    ✗ wrong']);
    expect(second).toEqual(['  Host, Via  ✓ right, not chosen']);
  });
});
