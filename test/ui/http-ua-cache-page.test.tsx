// The User-Agent model's pages of the shipped lesson, as a learner walks them
// in the whole app: the table of requests (HIT or MISS, what each got, a mark
// and words where it is not what the origin would have sent), the question
// stopping the run before a request and graded with its why, the keys that
// change the setting and the clients, the `i` screen in full, and frames that
// always fit the terminal: 80×24, 60×20, 7-bit with --ascii-only, and in
// Chinese. The drawing alone is checked for every state of every page.
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { text } from '../../src/core/i18n/localize.js';
import type { Lesson } from '../../src/core/lessons/types.js';
import { httpUaCacheKind } from '../../src/core/models/http-ua-cache/kind.js';
import type { UaCacheAction, UaCacheSettings, UaCacheState } from '../../src/core/models/http-ua-cache/model.js';
import { emptyProgress } from '../../src/core/progress/merge.js';
import type { Progress } from '../../src/core/progress/types.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { App } from '../../src/ui/App.js';
import type { UiLine } from '../../src/ui/lines.js';
import { uaDrawing, uaInfo } from '../../src/ui/models/http-ua-cache.js';
import type { DrawOptions, QuestionView } from '../../src/ui/models/view.js';
import { makeTheme } from '../../src/ui/theme.js';
import { frameChecker } from '../helpers/frames.js';
import { KEYS, renderTui } from '../helpers/render.js';

afterEach(() => cleanup());

const { lessons } = loadLessons({ builtinDir: 'lessons' });
const lesson = lessons.find((l) => l.id === 'user-agent')!;
const pageOf = (id: string) => lesson.pages.findIndex((p) => p.id === id);
const modelPages = lesson.pages.filter((p) => p.model?.kind === 'http-ua-cache').map((p) => p.id);
const settingsOf = (id: string) => lesson.pages[pageOf(id)]!.model!.settings as UaCacheSettings;

async function open(
  pageId: string,
  columns: number,
  rows: number,
  opts: { ascii?: boolean; locale?: 'en' | 'zh-CN' } = {},
) {
  const saved: Progress[] = [];
  const initial = initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons: [lesson] as Lesson[],
    progress: emptyProgress(),
    seed: 1,
    startLesson: lesson.id,
  });
  const ui = await renderTui(
    <App
      initial={initial}
      theme={makeTheme({ color: false, ascii: opts.ascii ?? false })}
      locale={opts.locale ?? 'en'}
      progressFile="/x"
      onSave={(p) => {
        saved.push(p);
        return undefined;
      }}
    />,
    { columns, rows },
  );
  const start = ui.frames.length;
  const checker = frameChecker(ui.frames, columns, rows, start);
  const index = pageOf(pageId);
  for (let i = 0; i < index; i++) await ui.press(lesson.pages[i]!.exercise?.type === 'short' ? KEYS.right : 'n');
  const page = `${index + 1}/${lesson.pages.length}`;
  await ui.waitForFrame(opts.locale === 'zh-CN' ? `第 ${page} 页` : `page ${page}`);
  return { ...ui, checker, saved, drawn: () => ui.frames.slice(start) };
}

/** The frame as running text: a sentence wrapped over lines reads whole here. */
const prose = (frame: string) => frame.replace(/\s+/g, ' ');

describe('the User-Agent model’s pages', () => {
  it('are in the user-agent lesson, four times', () => {
    expect(modelPages).toEqual(['no-vary', 'vary-ua', 'bots-model', 'hints-model']);
  });

  it('without Vary, shows the phone’s page given to the desktop, marked, after asking which it gets', async () => {
    const ui = await open('no-vary', 80, 24);
    const first = await ui.waitForFrame('no Vary');
    expect(first).toMatch(/# client\s+cache\s+gets/);
    await ui.press(KEYS.right);
    const one = prose(await ui.waitForFrame(/1 iphone-safari\s+MISS\s+mobile\.html\s+stored/));
    expect(one).toContain('The origin found "Mobi" in the User-Agent: mobile.html.');
    await ui.press(KEYS.right);
    const asked = await ui.waitForFrame('Request 2: windows-chrome asks for /. What does it get?');
    // The request's outcome waits for the answer; its User-Agent is there to answer from.
    expect(asked).toMatch(/›\s+2 windows-chrome\s+\?\s+\?/);
    expect(asked).toContain('Sec-CH-UA-Mobile: ?0');
    expect(asked).toMatch(/› mobile\.html\n\s+desktop\.html\n\s+403 Forbidden/);
    // desktop.html is what the origin would send: wrong, and said why.
    await ui.press(KEYS.down, KEYS.enter);
    const verdict = prose(await ui.waitForFrame("The model's answer: mobile.html"));
    expect(verdict).toContain('desktop.html ✗ wrong');
    expect(verdict).toContain('mobile.html ✓ right, not chosen');
    expect(verdict).toContain('but the request never reaches the origin: the cache answers it.');
    expect(ui.frame()).toMatch(/2 windows-chrome\s+HIT #1\s+mobile\.html\s+✗ origin: desktop\.html/);
    expect(ui.saved.at(-1)!.lessons['user-agent']!.exercises['q-desktop-gets']).toMatchObject({ solved: false });
    // v: Vary: User-Agent, the cache empty; the desktop now misses and gets its own page.
    await ui.press('v');
    await ui.waitForFrame('Vary: User-Agent  v 2/2');
    await ui.press(KEYS.end);
    const all = await ui.waitForFrame(/5 curl\s+MISS\s+403 Forbidden\s+not stored/);
    expect(all).toMatch(/2 windows-chrome\s+MISS\s+desktop\.html\s+stored/);
    expect(all).not.toContain('✗ origin');
    expect(ui.checker.check('no-vary at 80×24')).toEqual([]);
  });

  it('with Vary: User-Agent, asks HIT or MISS for the copied string and how many are stored', async () => {
    const ui = await open('vary-ua', 80, 24);
    await ui.press(KEYS.end);
    await ui.waitForFrame('Request 3: fake-chrome asks for /. Does the cache answer it (HIT)');
    await ui.press(KEYS.enter);
    const hit = prose(await ui.waitForFrame('Right: HIT'));
    expect(hit).toContain('the one windows-chrome sent: nothing tells the two apart.');
    expect(ui.saved.at(-1)!.lessons['user-agent']!.exercises['q-fake-cache']).toMatchObject({
      solved: true,
      attempts: 1,
    });
    await ui.press(KEYS.end);
    const asked = await ui.waitForFrame((f) =>
      prose(f).includes('How many responses will the cache hold for / after it?'),
    );
    expect(asked).toMatch(/› 1\n\s+2\n\s+5\n\s+7/);
    await ui.press(KEYS.down, KEYS.down, KEYS.enter);
    await ui.waitForFrame('Right: 5');
    expect(ui.checker.check('vary-ua at 80×24')).toEqual([]);
  });

  it('c changes the next client, r draws new ones, and i shows every request and the stored responses', async () => {
    const ui = await open('hints-model', 80, 24);
    await ui.press(KEYS.right);
    await ui.waitForFrame(/1 android-chrome\s+MISS\s+mobile\.html\s+stored/);
    await ui.press('c');
    await ui.waitForFrame('Request 2 will come from mac-chrome.');
    await ui.press('i');
    const info = prose(await ui.waitForFrame('The origin reads Sec-CH-UA-Mobile and sends Vary: Sec-CH-UA-Mobile'));
    expect(info).toContain('Request 1: android-chrome asks for /');
    expect(info).toContain('Sec-CH-UA: "Google Chrome";v="125"');
    await ui.press(KEYS.pageDown);
    const rest = prose(await ui.waitForFrame('The cache holds 1 response for /:'));
    expect(rest).toContain('Sec-CH-UA-Platform: "Android"');
    expect(rest).toContain('#1 mobile.html');
    expect(rest).toContain('Sec-CH-UA-Mobile: ?1');
    await ui.press(KEYS.escape);
    await ui.press('r');
    await ui.waitForFrame('New clients, drawn at random. The cache starts empty.');
    expect(ui.checker.check('hints-model keys')).toEqual([]);
  });

  it('lists its keys in the help', async () => {
    const ui = await open('bots-model', 80, 24);
    await ui.press('?');
    const help = prose(await ui.waitForFrame('new clients, drawn at random'));
    for (const does of [
      'next request',
      'back a request',
      "next setting of the origin's responses",
      "next request's client",
      'every request (a question stops it)',
    ])
      expect(help).toContain(does);
  });

  for (const [columns, rows] of [
    [80, 24],
    [60, 20],
  ] as const) {
    it(`at ${columns}×${rows}, every page runs to its end through its questions, each frame within the terminal`, async () => {
      for (const pageId of modelPages) {
        const ui = await open(pageId, columns, rows);
        const settings = settingsOf(pageId);
        for (const response of settings.responses) {
          for (let guard = 0; guard < 20; guard++) {
            await ui.press(KEYS.end);
            const frame = ui.frame();
            if (!/^\? /m.test(frame)) break;
            await ui.press(KEYS.enter);
            // Graded in words: the verdict always, and at 80 columns the choices marked too (at 60 they give way
            // to the why).
            const verdict = await ui.waitForFrame(/✓ Right:|✗ The model's answer:/);
            if (columns === 80) expect(verdict).toMatch(/✓ right|✗ wrong/);
          }
          // The last request is shown, with its outcome.
          const last = `${settings.clients.length} ${settings.clients.at(-1)}`;
          expect(ui.frame(), `${pageId} ${response}`).toMatch(new RegExp(`${last}\\s+(HIT #\\d+|MISS)`));
          await ui.press('v');
        }
        expect(ui.checker.check(`${pageId} at ${columns}×${rows}`)).toEqual([]);
        cleanup();
      }
    });
  }

  it('with --ascii-only, writes 7-bit characters only, its marks in words', async () => {
    const ui = await open('bots-model', 60, 20, { ascii: true });
    await ui.press(KEYS.right, KEYS.right);
    await ui.waitForFrame('Request 2: curl asks for /. What does it get?');
    await ui.press(KEYS.enter);
    await ui.waitForFrame('[ok] Right: mobile.html');
    await ui.press(KEYS.right);
    const frame = await ui.waitForFrame(/3 googlebot\s+HIT #1\s+mobile\.html\s+\[no\]/);
    expect(frame).toMatch(/2 curl\s+HIT #1\s+mobile\.html\s+\[no\]/);
    for (const f of ui.drawn()) expect(f).toMatch(/^[\x00-\x7f]*$/);
    expect(ui.checker.check('ascii')).toEqual([]);
  });

  it('in Chinese, at 60×20, writes the table and the reasons in Chinese, the tokens as on the wire', async () => {
    const ui = await open('no-vary', 60, 20, { locale: 'zh-CN' });
    await ui.press(KEYS.right);
    const frame = await ui.waitForFrame('客户端');
    expect(frame).toMatch(/1 iphone-safari\s+MISS\s+mobile\.html\s+已存储/);
    expect(prose(frame)).toContain('源服务器在 User-Agent 中发现了 "Mobi"：mobile.html。');
    await ui.press(KEYS.right);
    await ui.waitForFrame('请求 2：windows-chrome 请求 /。它会得到什么？');
    await ui.press(KEYS.enter);
    expect(prose(await ui.waitForFrame('mobile.html'))).toContain('缓存用第 1 个请求时存下的响应作答');
    expect(ui.checker.check('zh-CN at 60×20')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// The drawing alone, for every state a page reaches: each setting, each request shown, each question asked
// and answered (right and wrong), at several sizes and in both charsets.

const kind = httpUaCacheKind as unknown as {
  start: (s: UaCacheSettings, ctx: object) => UaCacheState;
  reduce: (s: UaCacheState, a: UaCacheAction) => UaCacheState;
  question: typeof httpUaCacheKind.question;
  answer: (
    s: UaCacheState,
    choice: string,
  ) => { state: UaCacheState; verdict: { correct: boolean; expected: string[]; feedback: unknown[] } };
};

const lineText = (l: UiLine) => l.map((s) => s.text).join('');

function* states(
  settings: UaCacheSettings,
  locale: 'en' | 'zh-CN' = 'en',
): Generator<{ state: UaCacheState; question: QuestionView | null }> {
  let state = kind.start(settings, { seed: 3 });
  for (const _ of settings.responses) {
    for (let guard = 0; guard < 30; guard++) {
      const q = kind.question(state);
      if (q && !q.answered) {
        const ask = (verdict?: QuestionView['verdict']): QuestionView => ({
          question: text(q.question, locale),
          choices: q.choices,
          cursor: 0,
          hints: q.hints.map((h) => text(h, locale)),
          ...(verdict ? { verdict } : {}),
        });
        yield { state, question: ask() };
        for (const choice of q.choices) {
          const v = kind.answer(state, choice).verdict;
          yield {
            state: kind.answer(state, choice).state,
            question: ask({
              correct: v.correct,
              expected: v.expected.join(', '),
              feedback: (v.feedback as Parameters<typeof text>[0][]).map((f) => text(f, locale)),
              chosen: q.choices.indexOf(choice),
              right: [q.choices.indexOf(v.expected[0]!)],
            }),
          };
        }
        state = kind.answer(state, q.choices[0]!).state;
      } else {
        yield { state, question: null };
        if (state.shown >= state.clients.length) break;
      }
      state = kind.reduce(state, { type: 'step', delta: 1 });
    }
    state = kind.reduce(state, { type: 'response', delta: 1 });
  }
}

describe('the drawing', () => {
  for (const ascii of [false, true]) {
    it(`fits every state of every page in its rows and columns${ascii ? ', in 7-bit' : ''}`, () => {
      const theme = makeTheme({ color: false, ascii });
      for (const pageId of modelPages) {
        for (const { state, question } of states(settingsOf(pageId))) {
          for (const [width, height] of [
            [80, 18],
            [60, 14],
            [60, 8],
            [120, 30],
          ] as const) {
            const o: DrawOptions = {
              width,
              height,
              theme,
              question,
              screenReader: false,
              tr: (t) => theme.text(text(t, 'en')),
            };
            const drawn = uaDrawing(state, o);
            const where = `${pageId} ${state.response} shown ${state.shown} ${width}×${height}`;
            expect(drawn.lines.length, where).toBeLessThanOrEqual(height);
            for (const l of drawn.lines) {
              expect(stringWidth(lineText(l)), `${where}: ${lineText(l)}`).toBeLessThanOrEqual(width);
              if (ascii) expect(lineText(l), where).toMatch(/^[\x00-\x7f]*$/);
            }
            // Nothing teaching is cut with an ellipsis; what does not fit is left whole to `i`.
            for (const l of drawn.lines) expect(lineText(l), where).not.toMatch(/…$/);
            for (const l of uaInfo(state, o)) expect(stringWidth(lineText(l)), where).toBeLessThanOrEqual(width);
          }
        }
      }
    });
  }

  it('in the rows a model gets at 80×24 and 60×20, shows an answered question’s verdict and why whole, in both languages', () => {
    const theme = makeTheme({ color: false, ascii: false });
    for (const locale of ['en', 'zh-CN'] as const) {
      const tr = (t: Parameters<typeof text>[0]) => text(t, locale);
      for (const pageId of modelPages) {
        for (const { state, question } of states(settingsOf(pageId), locale)) {
          if (!question?.verdict) continue;
          const draw = (width: number, height: number) =>
            uaDrawing(state, { width, height, theme, question, screenReader: false, tr })
              .lines.map(lineText)
              .join('\n');
          // The frame takes 5 rows and Ink keeps one free; the page's text leaves one line.
          for (const [width, height] of [
            [79, 17],
            [59, 13],
          ] as const) {
            const frame = draw(width, height);
            const where = `${locale} ${pageId} ${state.response} shown ${state.shown} ${width}×${height}\n${frame}`;
            // Chinese wraps between any two characters: the text is compared without its white space.
            const squeezed = (t: string) => t.replace(/\s+/g, '');
            expect(squeezed(frame), where).toContain(squeezed(question.verdict.expected));
            for (const f of question.verdict.feedback) expect(squeezed(frame), where).toContain(squeezed(f));
            // At 80 columns the choices keep their marks too.
            if (width === 79) expect(frame, where).toMatch(/✓ right|✗ wrong|✓ 正确|✗ 错误/);
          }
          // Where the verdict and the why alone take more rows than there are, the why is not left out whole: it
          // keeps the rows there are, and `i` shows the rest.
          const shown = draw(59, 7);
          expect(shown.replace(/\s+/g, ''), shown).toContain(
            question.verdict.feedback[0]!.replace(/\s+/g, '').slice(0, 12),
          );
        }
      }
    }
  });
});
