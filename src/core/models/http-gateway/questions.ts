// The gateway model's questions and how they are graded: the model's own
// exchange is the answer, so a lesson never writes it. A status question
// offers the right code among the codes it is mistaken for (RFC 9110 §15;
// the facts sheet's "often confused with"); a who question offers the two
// parties that can generate a response the client gets.
import type { Verdict } from '../../answers/verdict.js';
import type { LocalText } from '../../i18n/localize.js';
import { type Exchange, PRODUCERS, statusLine } from './exchange.js';
import { GATEWAY_TEXT as T } from './phrases.js';
import type { Ask } from './player.js';

/** Each code the model gives, with the codes it is confused with: the choices, in numeric order. */
const CONFUSED: Readonly<Record<number, readonly number[]>> = {
  200: [200, 401, 403, 500],
  401: [400, 401, 403, 407],
  403: [401, 403, 404, 407],
  500: [500, 502, 503, 504],
  502: [500, 502, 503, 504],
  503: [429, 502, 503, 504],
  504: [408, 502, 503, 504],
};

export function questionText(ask: Ask): LocalText {
  return ask === 'status' ? T.askStatus() : T.askWho();
}

export function choicesFor(exchange: Exchange, ask: Ask): string[] {
  if (ask === 'who') return [...PRODUCERS];
  return (CONFUSED[exchange.status] ?? [exchange.status]).map(statusLine);
}

/** How the choices are shown: the parties by their names in the reader's language; status lines as they are. */
export function labelsFor(exchange: Exchange, ask: Ask): (LocalText | undefined)[] {
  return choicesFor(exchange, ask).map((choice) => (ask === 'who' ? T.party(choice) : undefined));
}

export function expectedFor(exchange: Exchange, ask: Ask): string {
  return ask === 'who' ? exchange.generatedBy : statusLine(exchange.status);
}

/** Right or wrong by the exchange; the why is the exchange's rule, after what is wrong with a wrong choice. */
export function gradeQuestion(exchange: Exchange, ask: Ask, choice: string): Verdict {
  const expected = expectedFor(exchange, ask);
  const correct = choice === expected;
  const feedback: LocalText[] = [];
  if (!correct) {
    if (ask === 'who') feedback.push(choice === 'origin' ? T.notOrigin() : T.notGateway());
    else {
      const code = Number.parseInt(choice, 10);
      const not = T.notStatus(code);
      if (not) feedback.push(not);
    }
  } else if (ask === 'who') feedback.push(T.rightWho(expected));
  feedback.push(exchange.why);
  return { correct, expected: [ask === 'who' ? T.party(expected) : expected], feedback };
}
