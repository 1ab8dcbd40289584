// Learner-facing strings of the screens around the lessons (messages, labels,
// notices). English for now: they are kept here, not inline in the views, so
// that they can be translated in one place later.

import type { TutorMessage } from '../core/tutor/machine.js';

export const STRINGS = {
  homeTitle: 'nettutor — how TCP connections open and close',
  homeTitleShort: 'nettutor — TCP, opened and closed',
  homeHelp: (arrows: string) => `Choose a lesson: ${arrows} (or j/k) and Enter. ? shows every key, q quits.`,
  homeHelpShort: (arrows: string) => `Choose a lesson: ${arrows} and Enter. ? shows every key, q quits.`,
  asciiLessonsInEnglish: (locale: string) =>
    `--ascii-only: the lessons are shown in English, because their ${locale} text needs characters outside 7-bit ASCII.`,
  tooSmall: (columns: number, rows: number) => `Make the terminal at least ${columns}×${rows}`,
  tooSmallNow: (columns: number, rows: number) => `(it is ${columns}×${rows} now). q quits.`,
  noLessons: 'No lessons could be loaded. Run `nettutor lessons check` to see why.',
  exercisesSolved: (solved: number, total: number) => `${solved}/${total} exercises solved`,
  /** Under the lesson list: the course's score is the mean over every exercise of every lesson. */
  courseScore: (solved: number, total: number) => `Overall, every exercise of every lesson: ${solved}/${total} solved`,
  courseScoreShort: (solved: number, total: number) => `Overall: ${solved}/${total} exercises solved`,
  /** Under a list cut to fit: how many lessons are above and below it. */
  listMore: (above: number, below: number, up: string, down: string) =>
    [above > 0 ? `${up} ${above} more above` : '', below > 0 ? `${down} ${below} more below` : '']
      .filter(Boolean)
      .join('  '),
  /** After an answer on a review page: where the question comes from, to go over it again. */
  reviewFrom: (lesson: string, page: string | undefined) =>
    `From the lesson “${lesson}”${page ? `, page “${page}”` : ''}: open it to go over this again.`,
  pagesSeen: (seen: number, total: number) => `${seen}/${total} pages seen`,
  noticesTitle: 'Notices',
  noNotices: 'No notices.',
  noticesCut: (lines: number) => `${lines} more line${lines === 1 ? '' : 's'}: ! shows every notice in full.`,
  saveFailed: (error: string) => `progress not saved: ${error}`,
  markEvery: '(mark every right answer)',
  orderingHow: (arrows: string) =>
    `(Space picks an item up; move it with ${arrows}; Space puts it down; Esc puts it back)`,
  optionRight: 'right',
  optionWrong: 'wrong',
  optionRightNotChosen: 'right, not chosen',
  /** On a page with a model, when its text gives way to the model: the line left in its place. */
  pageTextHidden: "i shows the page's text",
  infoPageText: "The page's text",
};

/** What the simulation player writes around the engine's sentences (src/ui/models/tcp-lines.ts). */
export const PLAYER_STRINGS = {
  changes: (list: string) => `your changes: ${list}`,
  howToStart: 'Press Space to play, → to step.',
  moreAbove: (up: string) => `${up} more above`,
  moreBelow: (down: string) => `${down} more below`,
  moreBoth: (arrows: string) => `${arrows} more`,
  noDifference: 'no difference yet: change something with d, u or w (c: back to the run)',
  firstDifference: (event: number, mark: string) =>
    `first difference at event ${event}, marked ${mark} in the margin (c: back to the run)`,
  without: 'without your change',
  withIt: 'with it',
  readTheRest: 'More than fits here: i shows it all.',
  scenario: (title: string) => `Scenario: ${title}`,
  eventOf: (event: number, total: number) => `Event ${event} of ${total}`,
};

/** What the multipart model's view writes around the model's own sentences (src/ui/models/http-multipart.ts). */
export const MULTIPART_STRINGS = {
  lines: (from: number, to: number, total: number, how: string) => `lines ${from}-${to} of ${total}: ${how}`,
  scrollHow: (arrows: string) => `${arrows}/PgUp/PgDn scroll, i shows all`,
  infoHow: 'i shows them all',
  fileLabel: (field: string, filename: string) => `${field}: ${filename}`,
};

/** The one-line answer to a key that could not do what it usually does. */
export const MESSAGES: Record<TutorMessage, string> = {
  'last-page': 'This is the last page — Esc returns to the lessons.',
  'first-page': 'This is the first page — n goes to the next one.',
  'mark-first': 'Mark at least one option with Space, then press Enter.',
  'type-first': 'Type an answer first, then press Enter.',
  'no-more-hints': 'No more hints: the solution is shown above.',
  'no-more-question-hints': 'No more hints for this question: pick your answer.',
  'no-question-hints': 'No hints for this question: what does the rule say?',
};
