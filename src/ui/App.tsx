// The app shell: one reducer (core/tutor), one input handler, one screen at a
// time, always exactly one line shorter than the terminal so Ink never falls
// back to clearing the whole screen.
import { Box, type Key, Text, useApp, useInput, useIsScreenReaderEnabled } from 'ink';
import SelectInput from 'ink-select-input';
import { type ReactElement, useEffect, useReducer, useRef } from 'react';
import { foldToAscii, layoutProse, padToWidth, truncateToWidth } from '../core/layout/prose.js';
import type { Lesson } from '../core/lessons/types.js';
import { lessonScore, lessonStatus } from '../core/progress/score.js';
import type { Progress } from '../core/progress/types.js';
import {
  type TutorAction,
  type TutorState,
  currentExercise,
  currentLesson,
  currentPage,
  tutorReducer,
} from '../core/tutor/machine.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { type Intent, type Mode, hintsFor, intentFor } from './keymap.js';
import { Lines, type UiLine, fromProse, plain } from './lines.js';
import { predictQuestion } from '../core/tutor/content.js';
import { lessonSummary } from './screens/lesson-summary.js';
import { playerLines } from './screens/player-lines.js';
import { makeLocalizer, pageLines, windowLines } from './screens/lesson-lines.js';
import { type Theme, ThemeContext } from './theme.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

export interface AppProps {
  initial: TutorState;
  theme: Theme;
  locale: string;
  progressFile: string;
  /** Called with the new progress after every graded answer or hint, and on quit. */
  onSave: (progress: Progress) => void;
  /** Called on every state change, so signal handlers can save the latest progress. */
  onProgress?: (progress: Progress) => void;
}

export function modeOf(state: TutorState): Mode {
  if (state.overlay === 'help') return 'help';
  if (state.overlay === 'confirm-solution') return 'confirm';
  if (state.screen === 'home') return 'home';
  if (state.player) return state.prediction && !state.prediction.verdict ? 'predict' : 'player';
  const exercise = currentExercise(state);
  const attempt = state.attempt;
  if (!exercise || !attempt) return 'page';
  if (attempt.verdict) return 'verdict';
  if (exercise.type === 'short') return attempt.typing ? 'typing' : 'short-answer';
  if (exercise.type === 'ordering') return attempt.grabbed ? 'ordering-grabbed' : 'ordering';
  return 'choice';
}

function actionFor(mode: Mode, intent: Intent, bodyMax: number, pageRows: number): TutorAction | undefined {
  switch (intent) {
    case 'quit':
      return { type: 'quit' };
    case 'help':
      return { type: 'help/toggle' };
    case 'back':
      return mode === 'confirm' ? { type: 'solution/confirm', yes: false } : { type: 'back' };
    case 'next-page':
      return { type: 'page/next' };
    case 'prev-page':
      return { type: 'page/prev' };
    case 'hint':
      return { type: 'hint' };
    case 'yes':
      return { type: 'solution/confirm', yes: true };
    case 'no':
      return { type: 'solution/confirm', yes: false };
    case 'submit':
      return mode === 'predict' ? { type: 'predict/submit' } : { type: 'answer/submit' };
    case 'retry':
      return { type: 'answer/retry' };
    case 'toggle':
      return { type: 'answer/toggle' };
    case 'erase':
      return { type: 'answer/erase' };
    case 'focus-answer':
      return { type: 'answer/focus' };
    case 'select':
      return { type: 'home/open' };
    case 'play':
      return { type: 'player', action: { type: 'play/toggle' } };
    case 'step-forward':
      return { type: 'player', action: { type: 'step', delta: 1 } };
    case 'step-back':
      return { type: 'player', action: { type: 'step', delta: -1 } };
    case 'first-event':
      return { type: 'player', action: { type: 'home' } };
    case 'last-event':
      return { type: 'player', action: { type: 'end' } };
    case 'faster':
      return { type: 'player', action: { type: 'speed', delta: 1 } };
    case 'slower':
      return { type: 'player', action: { type: 'speed', delta: -1 } };
    case 'restart':
      return { type: 'player', action: { type: 'restart' } };
    case 'drop':
      return { type: 'player', action: { type: 'fault', kind: 'drop' } };
    case 'duplicate':
      return { type: 'player', action: { type: 'fault', kind: 'duplicate' } };
    case 'what-if':
      return { type: 'player', action: { type: 'what-if/toggle' } };
    case 'compare':
      return { type: 'player', action: { type: 'compare/toggle' } };
    case 'up':
    case 'down': {
      const delta = intent === 'up' ? -1 : 1;
      if (mode === 'predict') return { type: 'predict/move', delta };
      if (mode === 'page' || mode === 'short-answer' || mode === 'verdict') return { type: 'page/scroll', delta, max: bodyMax };
      return { type: 'answer/move', delta };
    }
    case 'page-up':
    case 'page-down':
      return { type: 'page/scroll', delta: (intent === 'page-up' ? -1 : 1) * pageRows, max: bodyMax };
  }
}

function StatusBar({ mode, width, theme }: { mode: Mode; width: number; theme: Theme }): ReactElement {
  const hints = hintsFor(mode, theme.ascii);
  const parts: UiLine = [];
  let used = 0;
  for (const hint of hints) {
    const piece = `${hint.keys} ${hint.does}`;
    const sep = parts.length > 0 ? theme.glyphs.separator : '';
    if (used + sep.length + piece.length > width) break;
    if (sep) parts.push({ text: sep, dim: true });
    parts.push({ text: hint.keys, bold: true, color: theme.colors.accent }, { text: ` ${hint.does}` });
    used += sep.length + piece.length;
  }
  return <Lines lines={[parts]} />;
}

function rule(width: number, theme: Theme): UiLine {
  return plain(theme.glyphs.rule.repeat(width), { dim: true });
}

function progressBar(done: number, total: number, width: number, theme: Theme): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return theme.glyphs.barFull.repeat(filled) + theme.glyphs.barEmpty.repeat(Math.max(0, width - filled));
}

const MODE_TITLES: Record<Mode, string> = {
  home: 'On the lesson list',
  page: 'On a lesson page',
  'short-answer': 'On a question with a typed answer',
  choice: 'Answering a choice question',
  ordering: 'Putting items in order',
  'ordering-grabbed': 'Moving an item',
  typing: 'Typing an answer',
  verdict: 'After an answer',
  player: 'Watching a simulation',
  predict: 'Answering a prediction',
  help: 'Help',
  confirm: 'Confirming',
};

function helpLines(under: Mode, theme: Theme): UiLine[] {
  const lines: UiLine[] = [plain(`Keys — ${MODE_TITLES[under]}`, { bold: true, underline: true }), []];
  for (const h of hintsFor(under, theme.ascii, true)) {
    lines.push([{ text: `  ${h.keys.padEnd(12)}`, bold: true, color: theme.colors.accent }, { text: h.does }]);
  }
  lines.push([]);
  lines.push(plain('Everywhere: ? this help · Esc back · q quit (Ctrl+C too).', { dim: true }));
  lines.push(plain('Progress is saved after every answer and when you quit.', { dim: true }));
  lines.push(plain('The README lists every key of every screen.', { dim: true }));
  return lines;
}

function HomeScreen({
  state,
  dispatch,
  width,
  height,
  theme,
  locale,
  active,
}: {
  state: TutorState;
  dispatch: (a: TutorAction) => void;
  width: number;
  height: number;
  theme: Theme;
  locale: string;
  active: boolean;
}): ReactElement {
  const tr = makeLocalizer(locale);
  const head: UiLine[] = [
    plain('nettutor — how TCP connections open and close, and how HTTP works', { bold: true }),
    plain(`Choose a lesson: ${theme.ascii ? 'Up/Down' : '↑↓'} (or j/k) and Enter. ? shows every key, q quits.`, {
      dim: true,
    }),
  ];
  for (const notice of state.notices.slice(0, 3)) head.push(plain(`! ${notice}`, { color: theme.colors.warn }));
  if (state.notices.length > 3) head.push(plain(`! …and ${state.notices.length - 3} more`, { color: theme.colors.warn }));
  head.push([]);
  if (state.lessons.length === 0) {
    head.push(plain('No lessons could be loaded. Run `nettutor lessons check` to see why.', { color: theme.colors.error }));
    return <Lines lines={head} />;
  }
  const items = state.lessons.map((lesson: Lesson, i) => ({
    key: lesson.id,
    value: String(i),
    label: lessonSummary(lesson, state.progress, tr, theme, width - 4),
  }));
  const highlighted = state.lessons[Math.min(state.homeIndex, state.lessons.length - 1)];
  const summary = highlighted
    ? fromProse(layoutProse(tr(highlighted.summary), width - 2, theme.glyphs.ellipsis), theme, '  ')
        .slice(0, 3)
        .map((line) => line.map((span) => ({ ...span, dim: true })))
    : [];
  const limit = Math.max(1, height - head.length - summary.length - 1);
  return (
    <Box flexDirection="column">
      <Lines lines={head} />
      <SelectInput
        items={items}
        limit={limit}
        initialIndex={Math.min(state.homeIndex, items.length - 1)}
        isFocused={active}
        indicatorComponent={({ isSelected }) => (
          <Text color={theme.colors.accent} bold>
            {isSelected ? `${theme.glyphs.pointer} ` : '  '}
          </Text>
        )}
        itemComponent={({ isSelected, label }) => (
          <Text color={isSelected ? theme.colors.accent : undefined} bold={isSelected} wrap="truncate-end">
            {theme.ascii ? foldToAscii(label) : label}
          </Text>
        )}
        onHighlight={(item) => dispatch({ type: 'home/move', delta: Number(item.value) - state.homeIndex })}
        onSelect={(item) => dispatch({ type: 'home/open', index: Number(item.value) })}
      />
      <Lines lines={[[], ...summary]} />
    </Box>
  );
}

/** A key press, resolved against the state it arrives in (not the one last drawn). */
type KeyAction = { type: 'key'; input: string; key: Key; bodyMax: number; pageRows: number };

export function appReducer(state: TutorState, action: TutorAction | KeyAction): TutorState {
  if (action.type !== 'key') return tutorReducer(state, action);
  const { input, key } = action;
  const mode = modeOf(state);
  const intent = intentFor(mode, input, key);
  if (intent) {
    // The lesson list widget owns movement and Enter on the home screen.
    if (mode === 'home' && (intent === 'up' || intent === 'down' || intent === 'select')) return state;
    const next = actionFor(mode, intent, action.bodyMax, action.pageRows);
    return next ? tutorReducer(state, next) : state;
  }
  if (mode === 'typing' && input && !key.ctrl && !key.meta && !key.escape) {
    const printable = Array.from(input)
      .filter((ch) => ch >= ' ' && ch !== '\u007f')
      .join('');
    if (printable) return tutorReducer(state, { type: 'answer/type', text: printable });
  }
  return state;
}

export function App({ initial, theme, locale, onSave, onProgress }: AppProps): ReactElement {
  const [state, dispatch] = useReducer(appReducer, initial);
  const screenReader = useIsScreenReaderEnabled();
  const { columns, rows } = useTerminalSize();
  const { exit } = useApp();
  const saved = useRef(state.saveRequests);

  useEffect(() => {
    onProgress?.(state.progress);
  }, [state.progress, onProgress]);

  useEffect(() => {
    if (state.saveRequests !== saved.current) {
      saved.current = state.saveRequests;
      onSave(state.progress);
    }
  }, [state.saveRequests, state.progress, onSave]);

  useEffect(() => {
    if (state.quitRequested) {
      onSave(state.progress);
      exit();
    }
  }, [state.quitRequested, state.progress, onSave, exit]);

  const playing = state.player?.playing ?? false;
  const speed = state.player?.speed ?? 1;
  useEffect(() => {
    if (!playing) return;
    // One event per tick; nothing runs (and no CPU is used) while paused.
    const timer = setInterval(() => dispatch({ type: 'player', action: { type: 'tick' } }), Math.round(700 / speed));
    return () => clearInterval(timer);
  }, [playing, speed]);

  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const mode = modeOf(state);
  const width = Math.max(20, columns - 1);
  const frameHeight = Math.max(1, rows - 1);
  const bodyHeight = Math.max(1, frameHeight - 5);

  const lesson = currentLesson(state);
  const page = currentPage(state);
  const body =
    state.overlay === 'help'
      ? { lines: helpLines(modeOf({ ...state, overlay: null }), theme) }
      : lesson && page
        ? pageLines(lesson, page, state.attempt, width, theme, locale)
        : { lines: [] };
  if (lesson && page && !state.overlay && state.pageIndex === lesson.pages.length - 1) {
    const record = state.progress.lessons[lesson.id];
    if (lessonStatus(lesson, record) === 'done') {
      body.lines.push(
        [],
        plain(`${theme.glyphs.ok} Lesson complete: score ${Math.round(lessonScore(lesson, record) * 100)}%.`, {
          bold: true,
          color: theme.colors.ok,
        }),
        plain('Esc returns to the lesson list.', { dim: true }),
      );
    }
  }
  const bodyMax = Math.max(0, body.lines.length - bodyHeight);

  useInput((input, key) => {
    if (tooSmall) {
      if (input === 'q' || (key.ctrl && input === 'c')) dispatch({ type: 'quit' });
      return;
    }
    const pageRows = Math.max(1, bodyHeight - 1);
    // Keys typed faster than they are read (or sent in one packet over SSH) arrive together:
    // plain characters are taken one by one, so `nnn` turns three pages.
    if (input.length > 1 && !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab) {
      for (const ch of Array.from(input)) dispatch({ type: 'key', input: ch, key: { ...key, shift: false }, bodyMax, pageRows });
      return;
    }
    dispatch({ type: 'key', input, key, bodyMax, pageRows });
  });

  let content: ReactElement;
  if (tooSmall) {
    content = (
      <Lines
        lines={[
          plain(`Make the terminal at least ${MIN_COLUMNS}×${MIN_ROWS}`, { bold: true, color: theme.colors.warn }),
          plain(`(it is ${columns}×${rows} now). q quits.`),
        ]}
      />
    );
  } else if (state.screen === 'home' && state.overlay !== 'help') {
    content = (
      <Box flexDirection="column" height={frameHeight}>
        <Box flexDirection="column" height={frameHeight - 2}>
          <HomeScreen
            state={state}
            dispatch={dispatch}
            width={width}
            height={frameHeight - 2}
            theme={theme}
            locale={locale}
            active={mode === 'home'}
          />
        </Box>
        <Lines lines={[rule(width, theme)]} />
        <StatusBar mode={mode} width={width} theme={theme} />
      </Box>
    );
  } else {
    const tr = makeLocalizer(locale);
    const title = lesson ? tr(lesson.title) : 'Help';
    const pageInfo = lesson ? `page ${state.pageIndex + 1}/${lesson.pages.length}` : '';
    const titleRoom = Math.max(10, width - pageInfo.length - 1);
    const header: UiLine = [
      { text: padToWidth(truncateToWidth(title, titleRoom, theme.glyphs.ellipsis), width - pageInfo.length), bold: true },
      { text: pageInfo, dim: true },
    ];
    const barWidth = Math.max(10, Math.min(40, width - 30));
    const pages = lesson?.pages.length ?? 0;
    const bar: UiLine = lesson
      ? [
          { text: progressBar(state.pageIndex + 1, pages, barWidth, theme), color: theme.colors.accent },
          { text: ` ${lessonSummaryShort(state, lesson)}`, dim: true },
        ]
      : [];
    let view = windowLines(body.lines, bodyHeight, state.scroll, state.overlay ? undefined : body.focus);
    if (state.player && lesson && page && !state.overlay) {
      const introRoom = Math.max(0, Math.min(4, bodyHeight - 12));
      const intro = body.lines.slice(0, introRoom);
      if (body.lines.length > introRoom && intro.length > 0) {
        intro[intro.length - 1] = [...intro[intro.length - 1]!, { text: ` ${theme.glyphs.ellipsis}`, dim: true }];
      }
      const p = state.prediction;
      const predict = p && state.player.predict
        ? {
            question: predictQuestion(state.player.result, state.player.predict.at, state.player.predict.point.ask),
            choices: p.choices,
            cursor: p.cursor,
            verdict: p.verdict
              ? { correct: p.verdict.correct, expected: p.verdict.expected.map((e) => tr(e)).join(', '), feedback: p.verdict.feedback.map((f) => tr(f)) }
              : undefined,
          }
        : null;
      const player = playerLines(state.player, width, bodyHeight - intro.length, theme, predict, screenReader);
      view = { visible: [...intro, ...player], top: 0, more: { above: false, below: false } };
    }
    if (state.overlay === 'confirm-solution') {
      const confirm: UiLine[] = [
        [],
        plain('Show the solution?', { bold: true, color: theme.colors.warn }),
        plain('It is counted: this exercise then scores 0. y shows it, n keeps trying.'),
      ];
      view = windowLines([...body.lines, ...confirm], bodyHeight, Number.MAX_SAFE_INTEGER);
    }
    const filler = Math.max(0, bodyHeight - view.visible.length);
    const more = view.more.below
      ? plain(`${theme.glyphs.down} more below (${theme.ascii ? 'Down' : '↓'}/PgDn)`, { dim: true })
      : view.more.above
        ? plain(`${theme.glyphs.up} more above`, { dim: true })
        : rule(width, theme);
    content = (
      <Box flexDirection="column" height={frameHeight}>
        <Lines lines={[header, bar, rule(width, theme)]} />
        <Lines lines={[...view.visible, ...Array.from({ length: filler }, () => [] as UiLine)]} />
        <Lines lines={[more]} />
        <StatusBar mode={mode} width={width} theme={theme} />
      </Box>
    );
  }
  return <ThemeContext.Provider value={theme}>{content}</ThemeContext.Provider>;
}

function lessonSummaryShort(state: TutorState, lesson: Lesson): string {
  const exercises = lesson.pages.filter((p) => p.exercise).length;
  const record = state.progress.lessons[lesson.id];
  const solved = lesson.pages.filter((p) => p.exercise && record?.exercises[p.exercise.id]?.solved).length;
  return exercises > 0 ? `${solved}/${exercises} exercises solved` : '';
}
