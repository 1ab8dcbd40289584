// The proxy model as a pure reducer: which request travels (a built-in
// example or one built at random), through one or two proxies in which mode,
// how far it has got, and the question asked while it waits at the first
// proxy. Every change walks the request through the chain again (journey.ts).
import type { LocalText } from '../../i18n/localize.js';
import { phraseBook } from '../../i18n/phrases.js';
import { nextRandom } from '../../random.js';
import { type Example, type ExampleId, example, randomExample } from './examples.js';
import type { ProxyMode } from './forward.js';
import { type Journey, journey, proxyNames } from './journey.js';
import { type BuiltQuestion, type ProxyAsk, buildQuestion } from './questions.js';

export interface QuestionSpec {
  id: string;
  ask: ProxyAsk;
  hints: LocalText[];
}

/** A page's proxy model, as the lesson sets it. */
export interface ProxySettings {
  /** The built-in requests `e` cycles through, the first shown first. */
  examples: ExampleId[];
  /** Start with a request built at random (and ask the questions again for each new one). */
  random: boolean;
  mode: ProxyMode;
  proxies: 1 | 2;
  /** Asked while the request waits at the first proxy: an example asks each once, each random request asks the next. */
  questions: QuestionSpec[];
}

export interface PendingQuestion {
  spec: QuestionSpec;
  built: BuiltQuestion;
  answered: boolean;
  correct?: boolean;
}

export interface ProxyState {
  settings: ProxySettings;
  example: Example;
  /** Where `example` is in the settings' list; -1 for a request built at random. */
  exampleIndex: number;
  mode: ProxyMode;
  proxies: number;
  journey: Journey;
  /** The step on screen (journey.steps). */
  step: number;
  /** The random generator's state, for the next request built at random. */
  seed: number;
  /** Questions asked on this visit of the page, by id. */
  asked: string[];
  /** How many questions have been asked on this visit. */
  runs: number;
  /** Whether a question was asked about the request, mode and proxies on screen. */
  askedHere: boolean;
  pending: PendingQuestion | null;
  message?: LocalText;
}

export type ProxyAction =
  | { type: 'step'; delta: number }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'example'; delta: number }
  | { type: 'random' }
  | { type: 'mode' }
  | { type: 'proxies' }
  | { type: 'answered'; correct: boolean }
  | { type: 'tick' };

const EN = {
  modeRfc: 'Mode: a proxy that follows RFC 9110 (HTTP/1.1). The request starts again.',
  modeOld: 'Mode: an old HTTP/1.0 proxy that knows nothing of Connection. The request starts again.',
  oneProxy: 'One proxy between the client and the server. The request starts again.',
  twoProxies: 'Two proxies, one after the other. The request starts again.',
  randomDrawn: 'A new request, built at random.',
  answerFirst: 'Answer the question first.',
};

const ZH: Partial<typeof EN> = {
  modeRfc: '模式：遵循 RFC 9110 的代理（HTTP/1.1）。请求从头开始。',
  modeOld: '模式：对 Connection 一无所知的旧 HTTP/1.0 代理。请求从头开始。',
  oneProxy: '客户端和服务器之间有一个代理。请求从头开始。',
  twoProxies: '两个代理，一个接一个。请求从头开始。',
  randomDrawn: '随机构造的新请求。',
  answerFirst: '先回答问题。',
};

/** What the model says when the learner changes something, in every language it is written in. */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const MODEL_PHRASES = book;

function walk(example: Example, mode: ProxyMode, proxies: number): Journey {
  return journey(example.request, mode, proxyNames(proxies));
}

export function initialProxyState(settings: ProxySettings, seed = 1): ProxyState {
  let s = seed >>> 0 || 1;
  let chosen: Example;
  let exampleIndex = 0;
  if (settings.random || settings.examples.length === 0) {
    const r = randomFrom(s);
    chosen = r.example;
    s = r.seed;
    exampleIndex = -1;
  } else chosen = example(settings.examples[0]!);
  return {
    settings,
    example: chosen,
    exampleIndex,
    mode: settings.mode,
    proxies: settings.proxies,
    journey: walk(chosen, settings.mode, settings.proxies),
    step: 0,
    seed: s,
    asked: [],
    runs: 0,
    askedHere: false,
    pending: null,
  };
}

/** A request built at random from the generator's state, and the state after it. */
function randomFrom(seed: number): { example: Example; seed: number } {
  let s = seed;
  const rng = () => {
    const r = nextRandom(s);
    s = r.state;
    return r.value;
  };
  const built = randomExample(rng);
  return { example: built, seed: s };
}

/** The question to ask about what is on screen, if any: each once for examples, in turn for random requests. */
function dueQuestion(state: ProxyState): QuestionSpec | undefined {
  const list = state.settings.questions;
  if (list.length === 0 || state.askedHere) return undefined;
  if (state.exampleIndex < 0) return list[state.runs % list.length];
  return list.find((q) => !state.asked.includes(q.id));
}

/** A question about the request on screen, built by the forwarding itself. */
export function questionOf(state: Pick<ProxyState, 'example' | 'mode' | 'proxies' | 'journey'>, ask: ProxyAsk) {
  return buildQuestion(ask, state.example.request, state.mode, proxyNames(state.proxies), state.journey);
}

/** Moves to `target`, stopping at the first proxy to ask a question that is due there. */
function advanceTo(state: ProxyState, target: number): ProxyState {
  const last = state.journey.steps.length - 1;
  const step = Math.max(0, Math.min(target, last));
  const at = state.journey.askAt;
  const due = step > at && state.step <= at ? dueQuestion(state) : undefined;
  if (due) {
    return {
      ...state,
      step: at,
      pending: { spec: due, built: questionOf(state, due.ask), answered: false },
      asked: state.asked.includes(due.id) ? state.asked : [...state.asked, due.id],
      runs: state.runs + 1,
      askedHere: true,
      message: undefined,
    };
  }
  return { ...state, step, message: undefined };
}

/** The same page with another request, mode or number of proxies: the request starts again from the client. */
export function restart(state: ProxyState, change: Partial<ProxyState>, message?: LocalText): ProxyState {
  const next = { ...state, ...change };
  return {
    ...next,
    journey: walk(next.example, next.mode, next.proxies),
    step: 0,
    pending: null,
    askedHere: false,
    ...(message ? { message } : { message: undefined }),
  };
}

export function proxyReducer(current: ProxyState, action: ProxyAction): ProxyState {
  let state = current;
  if (state.pending && !state.pending.answered) {
    if (action.type !== 'answered') return action.type === 'tick' ? state : { ...state, message: say('answerFirst') };
  } else if (state.pending && action.type !== 'answered' && action.type !== 'tick') {
    // An answered question goes away as soon as the learner moves on.
    state = { ...state, pending: null };
  }
  switch (action.type) {
    case 'step':
      return action.delta > 0
        ? advanceTo(state, state.step + action.delta)
        : { ...state, step: Math.max(0, state.step + action.delta), message: undefined };
    case 'home':
      return { ...state, step: 0, message: undefined };
    case 'end':
      return advanceTo(state, state.journey.steps.length - 1);
    case 'example': {
      const list = state.settings.examples;
      if (list.length === 0) return state;
      const from = state.exampleIndex < 0 ? (action.delta > 0 ? -1 : 0) : state.exampleIndex;
      const exampleIndex = (from + action.delta + list.length) % list.length;
      return restart(state, { exampleIndex, example: example(list[exampleIndex]!) });
    }
    case 'random': {
      const r = randomFrom(state.seed);
      return restart(state, { exampleIndex: -1, example: r.example, seed: r.seed }, say('randomDrawn'));
    }
    case 'mode': {
      const mode: ProxyMode = state.mode === 'rfc' ? 'http10' : 'rfc';
      return restart(state, { mode }, say(mode === 'rfc' ? 'modeRfc' : 'modeOld'));
    }
    case 'proxies': {
      const proxies = state.proxies === 1 ? 2 : 1;
      return restart(state, { proxies }, say(proxies === 1 ? 'oneProxy' : 'twoProxies'));
    }
    case 'answered':
      if (!state.pending) return state;
      return { ...state, pending: { ...state.pending, answered: true, correct: action.correct } };
    case 'tick':
      return state;
  }
}
