// The User-Agent model as the learner drives it: a sequence of clients asking
// for /, one request at a time, through a shared cache to an origin whose
// responses say what the setting says (no Vary, Vary: User-Agent,
// Cache-Control: private, or client hints). Keys send the next request,
// change the setting (the cache starts empty), pick the next request's
// client, or draw new clients. A page's questions stop the run just before a
// request's outcome is shown, and are graded by the run itself. Pure.
import type { Verdict } from '../../answers/verdict.js';
import type { LocalText } from '../../i18n/localize.js';
import { nextRandom } from '../../random.js';
import { type Outcome, runRequests } from './cache.js';
import { CLIENT_IDS, type ClientId, CLIENTS, PAGES, type ResponseSetting, RESPONSES } from './clients.js';
import { uaText as say, uaTextWith } from './phrases.js';

/** What a question asks about the request it stops before. */
export const UA_ASKS = ['page', 'cache', 'entries'] as const;
export type UaAsk = (typeof UA_ASKS)[number];

export interface UaQuestion {
  id: string;
  /** The request (1-based) it is asked before. */
  at: number;
  ask: UaAsk;
  /** Asked only while the origin's responses are set so. */
  response: ResponseSetting;
  hints: LocalText[];
}

export interface UaCacheSettings {
  /** The clients, in the order they send their requests. */
  clients: ClientId[];
  /** The setting shown first. */
  response: ResponseSetting;
  /** The settings `v` cycles through, in order. */
  responses: ResponseSetting[];
  questions: UaQuestion[];
}

export interface UaCacheState {
  settings: UaCacheSettings;
  clients: ClientId[];
  response: ResponseSetting;
  /** The run of `clients` under `response`. */
  outcomes: Outcome[];
  /** Requests shown so far (0: none sent yet). */
  shown: number;
  /** The random generator's state, for new clients drawn at random. */
  seed: number;
  /** Ids of the questions answered on this visit. */
  answered: readonly string[];
  /** The question on screen, answered or not yet. */
  asking: { id: string; answered: boolean } | null;
  message: LocalText | null;
}

export type UaCacheAction =
  | { type: 'step'; delta: 1 | -1 }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'response'; delta: 1 | -1 }
  | { type: 'client'; delta: 1 | -1 }
  | { type: 'random' }
  | { type: 'answered' }
  | { type: 'tick' };

/** The most requests a run holds (c adds one at the end). */
export const MAX_REQUESTS = 12;
/** How many clients `r` draws, at least. */
const RANDOM_MIN = 6;

export function initialUaState(settings: UaCacheSettings, seed = 1): UaCacheState {
  return {
    settings,
    clients: [...settings.clients],
    response: settings.response,
    outcomes: runRequests(settings.clients, settings.response),
    shown: 0,
    seed: seed >>> 0 || 1,
    answered: [],
    asking: null,
    message: null,
  };
}

/** The same page with other clients or another setting: the cache starts empty. */
function rerun(state: UaCacheState, change: Partial<UaCacheState>, message: LocalText | null): UaCacheState {
  const next = { ...state, ...change };
  return {
    ...next,
    outcomes: runRequests(next.clients, next.response),
    shown: change.shown ?? 0,
    asking: null,
    message,
  };
}

export function questionById(state: UaCacheState, id: string): UaQuestion | undefined {
  return state.settings.questions.find((q) => q.id === id);
}

/** The question due before request `at` (1-based), if any. */
function dueAt(state: UaCacheState, at: number): UaQuestion | undefined {
  return state.settings.questions.find(
    (q) => q.at === at && q.response === state.response && !state.answered.includes(q.id),
  );
}

/** One request on, unless a question stops it first. */
function advance(state: UaCacheState): UaCacheState {
  if (state.shown >= state.clients.length) return { ...state, message: say('allSent') };
  const next = state.shown + 1;
  const q = dueAt(state, next);
  if (q) return { ...state, asking: { id: q.id, answered: false }, message: null };
  return { ...state, shown: next, message: null };
}

function draw(seed: number, n: number): { clients: ClientId[]; seed: number } {
  let s = seed;
  const clients: ClientId[] = [];
  for (let i = 0; i < n; i++) {
    const r = nextRandom(s);
    s = r.state;
    clients.push(CLIENT_IDS[Math.floor(r.value * CLIENT_IDS.length)]!);
  }
  return { clients, seed: s };
}

export function uaReducer(current: UaCacheState, action: UaCacheAction): UaCacheState {
  if (action.type === 'tick') return current;
  let state = current;
  if (state.asking && !state.asking.answered) {
    // A question on screen is answered before anything else moves.
    if (action.type !== 'answered') return state;
  } else if (state.asking && action.type !== 'answered') {
    // An answered question goes away with the next key.
    state = { ...state, asking: null };
  }
  // A message answers one key.
  if (state.message) state = { ...state, message: null };
  switch (action.type) {
    case 'step':
      if (action.delta > 0) return advance(state);
      return { ...state, shown: Math.max(0, state.shown - 1) };
    case 'home':
      return { ...state, shown: 0 };
    case 'end': {
      let s = state;
      for (let guard = 0; guard <= s.clients.length; guard++) {
        if (s.shown >= s.clients.length || s.asking) break;
        s = advance(s);
      }
      return s.shown >= s.clients.length && !s.asking ? { ...s, message: null } : s;
    }
    case 'response': {
      const list = state.settings.responses;
      if (list.length < 2) return { ...state, message: say('onlyOneResponse') };
      const at = list.indexOf(state.response);
      const response = list[(at + action.delta + list.length) % list.length]!;
      return rerun(state, { response }, uaTextWith('responseNow', say(`name:${response}`)));
    }
    case 'client': {
      const n = state.shown;
      if (n >= MAX_REQUESTS) return { ...state, message: say('tooMany', MAX_REQUESTS) };
      const adding = n >= state.clients.length;
      // The next request's client, or (at the end) a request added with the client after the last one's.
      const base = adding ? state.clients[n - 1] : state.clients[n];
      const from = base === undefined ? -1 : CLIENT_IDS.indexOf(base);
      const step = adding && base === undefined ? 1 : action.delta;
      const id = CLIENT_IDS[(from + step + CLIENT_IDS.length) % CLIENT_IDS.length]!;
      const clients = adding ? [...state.clients, id] : state.clients.map((c, i) => (i === n ? id : c));
      return rerun(state, { clients, shown: n }, adding ? say('addedClient', n + 1, id) : say('nextClient', n + 1, id));
    }
    case 'random': {
      const r = draw(state.seed, Math.max(RANDOM_MIN, state.settings.clients.length));
      return rerun(state, { clients: r.clients, seed: r.seed }, say('randomDrawn'));
    }
    case 'answered': {
      const a = state.asking;
      if (!a || a.answered) return state;
      const q = questionById(state, a.id);
      // The verdict is given: the request's outcome is shown with it.
      return {
        ...state,
        asking: { ...a, answered: true },
        answered: [...state.answered, a.id],
        shown: q ? q.at : state.shown,
      };
    }
  }
}

// ---------------------------------------------------------------------------
// Sentences about a request's outcome.

/** Why the outcome is what it is: the cache's decision, then (on a MISS) the origin's and whether it was stored. */
export function explain(outcome: Outcome, response: ResponseSetting, outcomes: readonly Outcome[]): LocalText[] {
  const out: LocalText[] = [];
  const before = outcome.index > 0 ? outcomes[outcome.index - 1]!.entries.length : 0;
  if (outcome.result === 'hit') {
    const k = outcome.from! + 1;
    const source = outcomes[outcome.from!]!;
    const vary = source.origin.vary;
    out.push(vary.length === 0 ? say('hitNoVary', k) : say('hitVary', k, vary.join(', ')));
    if (vary.includes('User-Agent') && source.client !== outcome.client) out.push(say('hitSameUa', source.client));
    if (outcome.served !== outcome.origin.page)
      out.push(outcome.origin.status === 403 ? say('blockSkipped') : say('wrongPage', outcome.origin.page));
    return out;
  }
  if (before === 0) out.push(response === 'private' && outcome.index > 0 ? say('missPrivate') : say('missEmpty'));
  else {
    const fields = [...new Set(outcome.mismatches.map((m) => m.field))].join(' / ');
    // A field this request lacks, where every stored response's request had it: say so.
    const absent = outcome.mismatches.every((m) => m.here === null);
    out.push(say(absent ? 'missAbsent' : 'missNoMatch', before, fields));
  }
  const reason = outcome.origin.reason;
  if (response === 'client-hints' && (reason.by === 'ua-mobi' || reason.by === 'ua-no-mobi'))
    out.push(say('originFallback'));
  switch (reason.by) {
    case 'bot':
      out.push(say('originBot', reason.word));
      break;
    case 'ua-mobi':
      out.push(say('originMobi'));
      break;
    case 'ua-no-mobi':
      out.push(say('originNoMobi'));
      break;
    case 'hint':
      out.push(say('originHint', reason.value, outcome.origin.page));
      break;
  }
  if (outcome.stored)
    out.push(outcome.origin.vary.length === 0 ? say('storedNoVary') : say('storedKey', outcome.origin.vary.join(', ')));
  else if (outcome.origin.status === 200) out.push(say('notStoredPrivate'));
  return out;
}

// ---------------------------------------------------------------------------
// Questions and their grading.

const HIT = 'HIT';
const MISS = 'MISS';

export function questionText(q: UaQuestion, state: Pick<UaCacheState, 'clients'>): LocalText {
  const id = state.clients[q.at - 1] ?? '';
  switch (q.ask) {
    case 'page':
      return say('askPage', q.at, id);
    case 'cache':
      return say('askCache', q.at, id);
    case 'entries':
      return say('askEntries', q.at, id);
  }
}

/** The counts a learner may give for the entries after request `at`, each wrong one with why. */
function entryChoices(state: Pick<UaCacheState, 'clients' | 'response'>, at: number) {
  const clients = state.clients.slice(0, at);
  const run = runRequests(clients, state.response);
  const right = run.at(-1)?.entries.length ?? 0;
  const under = (r: ResponseSetting) => runRequests(clients, r).at(-1)?.entries.length ?? 0;
  const stored = run.at(-1)?.entries ?? [];
  const candidates: Array<[number, LocalText]> = [
    [at, say('entriesPerRequest')],
    [new Set(stored.map((s) => s.page)).size, say('entriesPerPage')],
    [under('no-vary'), say('entriesNoVary')],
    [under('vary-ua'), say('entriesPerUa')],
    [under('client-hints'), say('entriesPerHint')],
    [0, say('entriesNone')],
    [right + 1, say('entriesOther')],
    [Math.max(0, right - 1), say('entriesOther')],
  ];
  const whys = new Map<number, LocalText>();
  for (const [n, why] of candidates) if (n !== right && !whys.has(n)) whys.set(n, why);
  const wrong = [...whys.keys()].slice(0, 3);
  const choices = [right, ...wrong].sort((a, b) => a - b).map(String);
  return { right: String(right), choices, whys };
}

export function choicesFor(state: UaCacheState, q: UaQuestion): string[] {
  switch (q.ask) {
    case 'page':
      return [...PAGES];
    case 'cache':
      return [HIT, MISS];
    case 'entries':
      return entryChoices(state, q.at).choices;
  }
}

/** Right or wrong by the run; the why is what is wrong with the choice, then what happened and why. */
export function gradeQuestion(state: UaCacheState, q: UaQuestion, choice: string): Verdict {
  const outcome = state.outcomes[q.at - 1];
  if (!outcome) return { correct: false, expected: [], feedback: [] };
  const feedback: LocalText[] = [];
  let expected: string;
  switch (q.ask) {
    case 'page': {
      expected = outcome.served;
      if (choice === expected) break;
      const storedOne = state.outcomes[q.at - 2]?.entries.find((s) => s.page === choice);
      if (outcome.result === 'hit' && choice === outcome.origin.page) feedback.push(say('notOriginsChoice'));
      else if (outcome.result === 'miss' && storedOne) feedback.push(say('cannotUse', choice, storedOne.from + 1));
      else if (choice === '403 Forbidden' && outcome.origin.status !== 403) {
        const same = CLIENT_IDS.find((id) => id !== outcome.client && CLIENTS[id].ua === CLIENTS[outcome.client].ua);
        if (same) feedback.push(say('notABot', same));
      }
      break;
    }
    case 'cache':
      expected = outcome.result === 'hit' ? HIT : MISS;
      if (choice !== expected) feedback.push(say(outcome.result === 'hit' ? 'notMiss' : 'notHit'));
      break;
    case 'entries': {
      const { right, whys } = entryChoices(state, q.at);
      expected = right;
      const why = whys.get(Number(choice));
      if (choice !== right && why) feedback.push(why);
      break;
    }
  }
  const correct = choice === expected;
  feedback.push(...explain(outcome, state.response, state.outcomes));
  if (q.ask === 'entries') feedback.push(say('entriesAfter', q.at, outcome.entries.length));
  return { correct, expected: [expected], feedback };
}

/** Every setting there is, for messages. */
export const ALL_RESPONSES = RESPONSES;
