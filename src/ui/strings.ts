// Learner-facing strings of the screens around the lessons (messages, labels,
// notices, the keys' descriptions, the models' views), as phrase books (see
// core/i18n/phrases): English here, Chinese in strings.zh-CN.ts, chosen by the
// locale the app carries (a view gets `tr`, which picks the learner's
// language, and English with --ascii-only). A phrase a language lacks falls
// back to English; test/ui/strings.test.ts checks every one has zh-CN.

import type { LocalText } from '../core/i18n/localize.js';
import { phraseBook } from '../core/i18n/phrases.js';
import type { TutorMessage } from '../core/tutor/machine.js';
import { ZH } from './strings.zh-CN.js';

/** Text in the learner's language, as this terminal shows it (see makeLocalizer). */
export type Tr = (t: LocalText) => string;

const STRINGS = {
  homeTitle: 'nettutor — TCP and HTTP, watched and tried',
  homeTitleShort: 'nettutor — TCP and HTTP',
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
  statusDone: 'done',
  statusInProgress: 'in progress',
  statusNotStarted: 'not started',
  pageOf: (page: number, pages: number) => `page ${page}/${pages}`,
  lessonComplete: (score: number) => `Lesson complete: score ${score}%.`,
  backToList: 'Esc returns to the lesson list.',
  moreBelow: (arrow: string, key: string) => `${arrow} more below (${key}/PgDn)`,
  moreAbove: (arrow: string) => `${arrow} more above`,
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
  yourAnswer: 'Your answer: ',
  pressEnterToType: '(press Enter to type)',
  hintOf: (n: number, of: number, hint: string) => `Hint ${n}/${of}: ${hint}`,
  hintLead: (n: number) => `Hint ${n}: `,
  solution: 'Solution:',
  confirmTitle: 'Show the solution?',
  confirmText: 'It is counted: this exercise then scores 0. y shows it, n keeps trying.',
  /** On a page with a model, when its text gives way to the model: the line left in its place. */
  pageTextHidden: "i shows the page's text",
  helpTitle: (where: string) => `Keys — ${where}`,
  helpSaved: 'Progress is saved after every answer and when you quit.',
  helpReadme: 'The README lists every key of every screen.',
};

/** Where the learner is, as the title of the ? help says it. */
const MODE_TITLES = {
  home: 'On the lesson list',
  page: 'On a lesson page',
  'short-answer': 'On a question with a typed answer',
  choice: 'Answering a choice question',
  ordering: 'Putting items in order',
  'ordering-grabbed': 'Moving an item',
  typing: 'Typing an answer',
  verdict: 'After an answer',
  player: 'Using the model on the page',
  predict: 'Answering a prediction',
  help: 'Help',
  notices: 'Reading the notices',
  info: 'Reading the whole page',
  confirm: 'Confirming',
};

/** What each key does, in the status bar (the short forms) and in the ? help. */
const KEYS = {
  quit: 'quit',
  help: 'help',
  moveUp: 'move up',
  moveDown: 'move down',
  move: 'move',
  nextPage: 'next page',
  previousPage: 'previous page',
  page: 'page',
  hint: 'hint',
  notices: 'read the notices in full',
  lessons: 'lessons',
  info: 'everything on this page, in full',
  infoBrief: 'info',
  scrollUp: 'scroll up',
  scrollDown: 'scroll down',
  scrollUpScreen: 'scroll up a screen',
  scrollDownScreen: 'scroll down a screen',
  scroll: 'scroll',
  mark: 'mark',
  pickUp: 'pick up',
  submit: 'submit',
  open: 'open',
  openNth: 'open that lesson',
  firstLesson: 'the first lesson',
  lastLesson: 'the last lesson',
  language: 'switch the language: English or Chinese',
  languageBrief: 'language',
  typeAnswer: 'type the answer',
  putDown: 'put down',
  cancelMove: 'cancel move',
  moveItemUp: 'move the item up',
  moveItemDown: 'move the item down',
  moveItem: 'move item',
  erase: 'erase',
  stopTyping: 'stop typing (then h, n, p, q work)',
  tryAgain: 'try again',
  closeHelp: 'close help',
  closeNotices: 'close the notices',
  close: 'close',
  choose: 'choose',
  answer: 'answer',
  yesSolution: 'yes, show the solution',
  no: 'no',
  // The simulation player (src/ui/models/tcp.ts).
  playPause: 'play/pause',
  stepForward: 'step forward',
  stepBack: 'step back',
  step: 'step',
  ladderUp: 'scroll the ladder up (the current event stays)',
  ladderDown: 'scroll the ladder down',
  ladderUpScreen: 'scroll the ladder up a screen',
  ladderDownScreen: 'scroll the ladder down a screen',
  firstEvent: 'first event',
  lastEvent: 'last event',
  faster: 'faster',
  slower: 'slower',
  drop: 'drop next segment',
  duplicate: 'duplicate next segment',
  whatIf: 'what-if',
  compare: 'compare',
  restart: 'restart',
  // The gateway model (src/ui/models/http-gateway.ts).
  nextCondition: 'next condition upstream',
  previousCondition: 'previous condition upstream',
  upstream: 'upstream',
  exchangeStart: 'start of the exchange',
  exchangeEnd: 'end of the exchange (or its question)',
  replay: 'replay',
  // The proxy model (src/ui/models/http-proxy.ts).
  nextHop: 'next hop',
  backHop: 'back a hop',
  hop: 'hop',
  nextExample: 'next example request',
  previousExample: 'previous example request',
  example: 'example',
  randomRequest: 'a request built at random',
  random: 'random',
  proxyMode: 'mode: a proxy that follows RFC 9110, or an old HTTP/1.0 proxy',
  mode: 'mode',
  proxyCount: 'one or two proxies',
  proxies: 'proxies',
  backToClient: 'back to the client',
  toTheEnd: 'to the end',
  // The multipart model (src/ui/models/http-multipart.ts).
  addField: 'add a field',
  field: 'field',
  removeField: 'remove the last field',
  nextFile: 'next example file',
  file: 'file',
  nextBoundary: 'next boundary',
  boundary: 'boundary',
  randomForm: 'a random form',
  bodyUp: 'scroll the body up',
  bodyDown: 'scroll the body down',
  bodyUpScreen: 'scroll the body up a screen',
  bodyDownScreen: 'scroll the body down a screen',
  // The HTTP versions model (src/ui/models/http-versions.ts).
  requests: 'requests',
  moreRequests: 'one more request',
  fewerRequests: 'one request fewer',
  nextSlow: 'make the next request the slow one (none, 1, 2, …)',
  slow: 'slow',
  previousSlow: 'make the previous request the slow one',
  slowerServer: 'the slow request takes the server 100 ms more',
  fasterServer: 'the slow request takes the server 100 ms less',
  longerRtt: 'a longer round-trip time (RTT)',
  rtt: 'RTT',
  shorterRtt: 'a shorter RTT',
  moreConnections: 'one more connection for HTTP/1.1 ×K',
  connections: 'conns',
  fewerConnections: 'one connection fewer for HTTP/1.1 ×K',
  frames: 'HTTP/2 as frames, or the waterfall',
  framesBrief: 'frames',
  allModes: "all five ways, or the page's",
  pictureUp: 'scroll the picture up',
  pictureDown: 'scroll the picture down',
  pictureUpScreen: 'scroll the picture up a screen',
  pictureDownScreen: 'scroll the picture down a screen',
  pageSettings: "back to the page's settings",
  // The User-Agent and caches model (src/ui/models/http-ua-cache.ts).
  nextRequest: 'next request',
  backRequest: 'back a request',
  request: 'request',
  nextResponses: "next setting of the origin's responses (Vary, private)",
  vary: 'Vary',
  previousResponses: 'previous setting of the responses',
  nextClient: "next request's client: the next one",
  client: 'client',
  previousClient: "next request's client: the previous one",
  randomClients: 'new clients, drawn at random',
  startEmpty: 'back to the start (the cache empty)',
  everyRequest: 'every request (a question stops it)',
};

/** What the simulation player writes around the engine's sentences (src/ui/models/tcp-lines.ts). */
const PLAYER = {
  playing: (speed: number) => `playing ×${speed}`,
  paused: 'paused',
  eventAt: (event: number, total: number) => `event ${event}/${total}`,
  changes: (list: string) => `your changes: ${list}`,
  drop: (side: string, nth: number) => `drop ${side} #${nth}`,
  duplicate: (side: string, nth: number) => `duplicate ${side} #${nth}`,
  delay: (side: string, nth: number) => `delay ${side} #${nth}`,
  twoWay: 'two-way handshake',
  noTimeWait: 'no TIME-WAIT',
  client: 'client',
  server: 'server',
  howToStart: 'Press Space to play, → to step.',
  moreAbove: (up: string) => `${up} more above`,
  moreBelow: (down: string) => `${down} more below`,
  moreBoth: (arrows: string) => `${arrows} more`,
  noDifference: 'no difference yet: change something with d, u or w (c: back to the run)',
  firstDifference: (event: number, mark: string) =>
    `first difference at event ${event}, marked ${mark} in the margin (c: back to the run)`,
  without: 'without your change',
  withIt: 'with it',
  /** After a run's label, when its sentence is left out. */
  labelEnd: ':',
  readTheRest: 'More than fits here: i shows it all.',
  scenario: (title: string) => `Scenario: ${title}`,
  eventOf: (event: number, total: number) => `Event ${event} of ${total}`,
};

/** What the multipart model's view writes around the model's own sentences (src/ui/models/http-multipart.ts). */
const MULTIPART = {
  lines: (from: number, to: number, total: number, how: string) => `lines ${from}-${to} of ${total}: ${how}`,
  scrollHow: (arrows: string) => `${arrows}/PgUp/PgDn scroll, i shows all`,
  infoHow: 'i shows them all',
  fileLabel: (field: string, filename: string) => `${field}: ${filename}`,
};

/** What the proxy model's view writes around the model's own sentences (src/ui/models/http-proxy.ts). */
const PROXY = {
  rfc: 'RFC 9110 proxy',
  old: 'old HTTP/1.0 proxy',
  proxies: (n: number) => (n === 1 ? '1 proxy' : `${n} proxies`),
  step: (k: number, n: number) => `${k}/${n}`,
  stepOnly: (k: number) => `step ${k}`,
  sends: (from: string, to: string) => `${from} → ${to}`,
  asSent: 'what the client sends',
  next: 'its next request, on the same connection',
  sendsOn: (who: string) => `what ${who} sends on`,
  answers: (who: string) => `what ${who} answers`,
  theClient: 'the client',
  theServer: 'the server',
  theProxy: 'the proxy',
  legendRemoved: 'removed',
  legendAdded: 'added',
  legendChanged: 'changed',
  was: (value: string) => `(was ${value})`,
  body: (bytes: number, chunked: boolean) =>
    `[body: ${bytes} byte${bytes === 1 ? '' : 's'}${chunked ? ', chunked' : ''}]`,
  bodyDechunked: (bytes: number) => `[body: ${bytes} bytes, chunked no more]`,
  request: (title: string) => `Request: ${title}`,
  spokenRemove: 'removed: ',
  spokenAdd: 'added: ',
  spokenChange: 'changed: ',
  walk: 'The whole way so far:',
};

/** The one-line answer to a key that could not do what it usually does. */
const MESSAGES: Record<TutorMessage, string> = {
  'last-page': 'This is the last page — Esc returns to the lessons.',
  'first-page': 'This is the first page — n goes to the next one.',
  'mark-first': 'Mark at least one option with Space, then press Enter.',
  'type-first': 'Type an answer first, then press Enter.',
  'no-more-hints': 'No more hints: the solution is shown above.',
  'no-more-question-hints': 'No more hints for this question: pick your answer.',
  'no-question-hints': 'No hints for this question: what does the rule say?',
};

/** The English tables, by book: strings.zh-CN.ts follows their shape. */
export type UiEnglish = {
  strings: typeof STRINGS;
  modes: typeof MODE_TITLES;
  keys: typeof KEYS;
  player: typeof PLAYER;
  multipart: typeof MULTIPART;
  proxy: typeof PROXY;
  messages: typeof MESSAGES;
};

const strings = phraseBook(STRINGS, { 'zh-CN': ZH.strings });
const modes = phraseBook(MODE_TITLES, { 'zh-CN': ZH.modes });
const keys = phraseBook(KEYS, { 'zh-CN': ZH.keys });
const player = phraseBook(PLAYER, { 'zh-CN': ZH.player });
const multipart = phraseBook(MULTIPART, { 'zh-CN': ZH.multipart });
const proxy = phraseBook(PROXY, { 'zh-CN': ZH.proxy });
const messages = phraseBook(MESSAGES, { 'zh-CN': ZH.messages });

/** Every book of the screens, in every language it is written in (the completeness test reads them). */
export const UI_BOOKS = {
  strings: strings.book,
  modes: modes.book,
  keys: keys.book,
  player: player.book,
  multipart: multipart.book,
  proxy: proxy.book,
  messages: messages.book,
};

/** A string of the screens (STRINGS), in every language: `tr(ui('homeTitle'))`. */
export const ui = strings.say;
/** The title of the ? help for a mode. */
export const modeTitle = modes.say;
/** What a key does (src/ui/keymap.ts and the models' views). */
export const keyText = keys.say;
/** The simulation player's words. */
export const playerText = player.say;
export const multipartViewText = multipart.say;
export const proxyViewText = proxy.say;
export const proxyViewTextWith = proxy.sayWith;
/** The one-line answer to a key that could not do its usual thing. */
export const messageText = (m: TutorMessage): LocalText => messages.say(m);
