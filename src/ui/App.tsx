// The app shell: one reducer (core/tutor), one input handler, one screen at a
// time, always exactly one line shorter than the terminal so Ink never falls
// back to clearing the whole screen.
import { Box, useApp, useInput, useIsScreenReaderEnabled } from 'ink';
import { type ReactElement, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { layoutProse, padToWidth, truncateToWidth, wrapSpans } from '../core/layout/prose.js';
import { displayWidth } from '../core/layout/width.js';
import { lessonRecord } from '../core/progress/records.js';
import { lessonScore, lessonStatus } from '../core/progress/score.js';
import type { Progress } from '../core/progress/types.js';
import { findKind } from '../core/models/registry.js';
import { SCROLL_TO_VERDICT, type TutorState, currentLesson, currentPage } from '../core/tutor/machine.js';
import { StatusBar, fitLines, helpLines, noticeLines, noticesScreenLines, progressBar, rule } from './chrome.js';
import { frameSize, homeFrame, sessionNotices, tooSmallFrame } from './frames.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { appReducer, modeOf, splitChunk } from './intents.js';
import { LineWidthContext, Lines, type UiLine, fromProse, plain } from './lines.js';
import { makeLocalizer, pageLines, reviewOriginLines, windowLines } from './screens/lesson-lines.js';
import { lessonProgress } from './screens/lesson-summary.js';
import { modelBindings, viewFor } from './models/registry.js';
import type { DrawOptions, QuestionView } from './models/view.js';
import { type Tr, messageText, ui } from './strings.js';
import { type Theme, ThemeContext } from './theme.js';

export { MIN_COLUMNS } from './frames.js';
/** What the app's exit resolves with when the learner quit with Ctrl+C (the process then exits 130, as on SIGINT). */
export const INTERRUPTED = 'interrupted';

export interface AppProps {
  initial: TutorState;
  theme: Theme;
  /** The language the session starts in (the home screen's L switches it: see TutorState.locale). */
  locale: string;
  progressFile: string;
  /** Called with the new progress after every graded answer or hint, and on quit; returns an error message if it could not be saved. */
  onSave: (progress: Progress) => string | undefined;
  /** Called on every state change, so signal handlers can save the latest progress. */
  onProgress?: (progress: Progress) => void;
  /** The time now, ISO 8601: every key carries it, and progress is stamped with it. */
  clock?: () => string;
}

const systemClock = () => new Date().toISOString();

export function App({
  initial,
  theme,
  locale: startLocale,
  onSave,
  onProgress,
  clock = systemClock,
}: AppProps): ReactElement {
  const [state, dispatch] = useReducer(appReducer, initial);
  const screenReader = useIsScreenReaderEnabled();
  const { columns, rows } = useTerminalSize();
  const { exit } = useApp();
  const saved = useRef(state.saveRequests);
  const interrupted = useRef(false);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);

  // Reported in the commit that changes it, before the frame reaches the terminal: a signal that comes as soon as
  // the learner sees a page saves a progress that has that page.
  useLayoutEffect(() => {
    onProgress?.(state.progress);
  }, [state.progress, onProgress]);

  useEffect(() => {
    if (state.saveRequests !== saved.current) {
      saved.current = state.saveRequests;
      setSaveError(onSave(state.progress));
    }
  }, [state.saveRequests, state.progress, onSave]);

  useEffect(() => {
    if (state.quitRequested) {
      onSave(state.progress);
      exit(interrupted.current ? INTERRUPTED : undefined);
    }
  }, [state.quitRequested, state.progress, onSave, exit]);

  // A model that animates asks for ticks; nothing runs (and no CPU is used) while it is still.
  const modelKind = state.model ? findKind(state.model.kind) : undefined;
  const tickMs = state.model && modelKind ? modelKind.tickMs(state.model.state) : null;
  const { width, height: frameHeight, tooSmall } = frameSize(columns, rows);
  useEffect(() => {
    if (tickMs === null || !modelKind || tooSmall) return;
    const timer = setInterval(() => dispatch({ type: 'model', action: modelKind.tick }), tickMs);
    return () => clearInterval(timer);
  }, [tickMs, modelKind, tooSmall]);
  // A model cannot be watched on a terminal too small to draw it: it pauses, and only the learner starts it again.
  const pauseAction = modelKind?.pause;
  useEffect(() => {
    if (tooSmall && tickMs !== null && pauseAction !== undefined && !state.overlay)
      dispatch({ type: 'model', action: pauseAction });
  }, [tooSmall, tickMs, pauseAction, state.overlay]);

  const modelKeys = modelBindings(state.model?.kind);
  // The language: as the session started, until the learner switches it on the home screen.
  const locale = state.locale ?? startLocale;
  const tr = makeLocalizer(locale, theme);
  const mode = modeOf(state);
  // Everything the learner should know about the session: wrapped on the home screen, in full behind !.
  const notices = sessionNotices(theme, locale, state.notices, saveError);
  // A failed save is shown at once in lesson screens too, wrapped on up to three rows above the status bar.
  const saveRows = saveError
    ? fitLines(
        noticeLines(tr(ui('saveFailed', saveError)), width, theme, { bold: true, color: theme.colors.error }),
        3,
        width,
        theme,
        tr,
      )
    : [];
  const bodyHeight = Math.max(1, frameHeight - 5 - Math.max(0, saveRows.length - 1));

  const lesson = currentLesson(state);
  const page = currentPage(state);
  const modelView = state.model ? viewFor(state.model.kind) : undefined;
  const p = state.prediction;
  const question: QuestionView | null = p
    ? {
        question: tr(p.question),
        // A choice that is a word is shown in the learner's language; the model grades the value.
        choices: p.choices.map((choice, i) => {
          const label = p.labels?.[i];
          return label === undefined ? choice : tr(label);
        }),
        cursor: p.cursor,
        hints: p.hints.slice(0, p.hintsShown).map((h) => tr(h)),
        verdict: p.verdict
          ? {
              correct: p.verdict.correct,
              expected: p.verdict.expected.map((e) => tr(e)).join(', '),
              feedback: p.verdict.feedback.map((f) => tr(f)),
              chosen: p.cursor,
              right: p.right,
            }
          : undefined,
      }
    : null;
  const drawOptions: DrawOptions = {
    width,
    height: bodyHeight,
    theme,
    question,
    screenReader,
    tr,
    locale: theme.ascii ? 'en' : locale,
  };
  const overlayScrolls = state.overlay === 'help' || state.overlay === 'notices' || state.overlay === 'info';
  const body =
    state.overlay === 'help'
      ? { lines: helpLines(modeOf({ ...state, overlay: null }), theme, modelKeys, tr) }
      : state.overlay === 'notices'
        ? { lines: noticesScreenLines(notices, width, theme, tr) }
        : state.overlay === 'info' && lesson && page
          ? {
              // The page's text, then everything the model says, in full: read with ↑/↓, closed with i or Esc.
              lines: [
                ...pageLines(lesson, page, null, width, theme, locale).lines,
                ...reviewOriginLines(page, width, theme, locale),
                [],
                ...(state.model ? (modelView?.info?.(state.model.state, drawOptions) ?? []) : []),
              ],
            }
          : lesson && page
            ? pageLines(lesson, page, state.attempt, width, theme, locale)
            : { lines: [] };
  if (lesson && page && !state.overlay && state.pageIndex === lesson.pages.length - 1) {
    const record = lessonRecord(state.progress, lesson.id);
    if (lessonStatus(lesson, record) === 'done') {
      body.lines.push(
        [],
        plain(`${theme.glyphs.ok} ${tr(ui('lessonComplete', Math.round(lessonScore(lesson, record) * 100)))}`, {
          bold: true,
          color: theme.colors.ok,
        }),
        plain(tr(ui('backToList')), { dim: true }),
      );
    }
  }
  const bodyMax = Math.max(0, body.lines.length - bodyHeight);

  /** The first body line on screen (set below, once the body is laid out): scrolling goes on from there. */
  let shownTop = 0;
  /** What the model's view drew (its `shown`): a model key's action may depend on it, e.g. how far to scroll. */
  let modelShown: unknown;
  useInput((input, key) => {
    // Ctrl+C quits in every mode (see the key table); remember it was Ctrl+C and not q.
    if (key.ctrl && input === 'c') interrupted.current = true;
    if (tooSmall) {
      if (input === 'q' || (key.ctrl && input === 'c')) dispatch({ type: 'quit', at: clock() });
      return;
    }
    const at = clock();
    const pageRows = Math.max(1, bodyHeight - 1);
    for (const one of splitChunk(input, key)) {
      if (one.key.ctrl && one.input === 'c') interrupted.current = true;
      dispatch({ type: 'key', ...one, bodyMax, pageRows, shownTop, modelShown, at, locale });
    }
  });

  let content: ReactElement;
  if (tooSmall || (state.screen === 'home' && !overlayScrolls)) {
    // The lesson list and the too-small message are whole frames of lines (frames.ts): the first of them is
    // drawn from the same lines before Ink has loaded (src/node/early-frame.ts).
    const frame = tooSmall
      ? tooSmallFrame(columns, rows, theme, locale)
      : homeFrame({ state, notices, columns, rows, theme, locale, mode, extra: modelKeys });
    content = (
      <LineWidthContext.Provider value={frame.width}>
        {tooSmall ? (
          <Lines lines={frame.lines} />
        ) : (
          <Box flexDirection="column" height={frameHeight} overflowY="hidden">
            <Lines lines={frame.lines} />
          </Box>
        )}
      </LineWidthContext.Provider>
    );
  } else {
    const title = lesson ? tr(lesson.title) : 'nettutor';
    const pageInfo = lesson ? tr(ui('pageOf', state.pageIndex + 1, lesson.pages.length)) : '';
    const titleRoom = Math.max(10, width - displayWidth(pageInfo) - 1);
    const header: UiLine = [
      {
        text: padToWidth(truncateToWidth(title, titleRoom, theme.glyphs.ellipsis), width - displayWidth(pageInfo)),
        bold: true,
      },
      { text: pageInfo, dim: true },
    ];
    const barWidth = Math.max(10, Math.min(40, width - 30));
    const done = lesson ? lessonProgress(lesson, state.progress, tr) : undefined;
    const bar: UiLine = done
      ? [
          { text: progressBar(done.done, done.total, barWidth, theme), color: theme.colors.accent },
          { text: ` ${done.label}`, dim: true },
        ]
      : [];
    let view = overlayScrolls
      ? windowLines(body.lines, bodyHeight, state.overlayScroll)
      : windowLines(
          body.lines,
          bodyHeight,
          state.scroll === SCROLL_TO_VERDICT ? (body.verdictAt ?? 0) : state.scroll,
          state.overlay ? undefined : body.focus,
        );
    shownTop = view.top;
    if (state.model && modelView && lesson && page && !state.overlay) {
      // The page's text above the model when both fit; else one line in its place says that i shows it.
      const text = body.lines;
      const need = modelView.need?.(state.model.state, drawOptions) ?? 0;
      const intro =
        text.length === 0
          ? []
          : text.length + 1 + need <= bodyHeight
            ? [...text, []]
            : text.length + need <= bodyHeight
              ? text
              : hiddenTextLines(page.title ? tr(page.title) : undefined, width, theme, tr);
      const drawn = modelView.lines(state.model.state, { ...drawOptions, height: bodyHeight - intro.length });
      const drawing = Array.isArray(drawn) ? { lines: drawn, shown: undefined } : drawn;
      modelShown = drawing.shown;
      view = {
        visible: [...intro, ...drawing.lines].slice(0, bodyHeight),
        top: 0,
        more: { above: false, below: false },
      };
    }
    if (state.overlay === 'confirm-solution') {
      const confirm: UiLine[] = [
        [],
        plain(tr(ui('confirmTitle')), { bold: true, color: theme.colors.warn }),
        ...fromProse(layoutProse(tr(ui('confirmText')), width), theme),
      ];
      view = windowLines([...body.lines, ...confirm], bodyHeight, Number.MAX_SAFE_INTEGER);
    }
    const filler = Math.max(0, bodyHeight - view.visible.length);
    const more: UiLine[] = saveError
      ? saveRows
      : [
          state.message && !state.overlay
            ? plain(tr(messageText(state.message)), { bold: true, color: theme.colors.warn })
            : view.more.below
              ? plain(tr(ui('moreBelow', theme.glyphs.down, theme.ascii ? 'Down' : '↓')), { dim: true })
              : view.more.above
                ? plain(tr(ui('moreAbove', theme.glyphs.up)), { dim: true })
                : rule(width, theme),
        ];
    content = (
      <Box flexDirection="column" height={frameHeight} overflowY="hidden">
        <Lines lines={[header, bar, rule(width, theme)]} />
        <Lines lines={[...view.visible, ...Array.from({ length: filler }, () => [] as UiLine)]} />
        <Lines lines={more} />
        <StatusBar mode={mode} width={width} theme={theme} tr={tr} extra={modelKeys} />
      </Box>
    );
  }
  return (
    <ThemeContext.Provider value={theme}>
      <LineWidthContext.Provider value={width}>{content}</LineWidthContext.Provider>
    </ThemeContext.Provider>
  );
}

/** In place of a model page's text that gives way to the model: its title, and that i shows the text. */
function hiddenTextLines(title: string | undefined, width: number, theme: Theme, tr: Tr): UiLine[] {
  const hint = tr(ui('pageTextHidden'));
  const spans = title
    ? [
        { text: title, style: 'strong' as const },
        { text: theme.text(` — ${hint}`), style: 'muted' as const },
      ]
    : [{ text: hint, style: 'muted' as const }];
  return fromProse(wrapSpans(spans, width), theme);
}
