// What grading says about an answer: right or not, what was expected, and why.
import type { LocalText } from '../i18n/localize.js';
import { phraseBook } from '../i18n/phrases.js';
import { ZH } from './verdict.zh-CN.js';

export interface Verdict {
  correct: boolean;
  /** The expected answer, as the learner would write it (may be several texts). */
  expected: LocalText[];
  /** Why: the explanation of each chosen option, of the misplaced item, of the mistake made. */
  feedback: LocalText[];
  /** Ordering: the first position (0-based) holding the wrong item. */
  firstWrongPosition?: number;
  /** Short answers: the learner's answer after normalisation. */
  normalized?: string;
}

const EN = {
  correct: 'Correct.',
  notQuite: 'Not quite.',
  firstOutOfPlace: (position: number) => `The first item out of place is number ${position}.`,
  expected: (answer: string) => `Expected: ${answer}`,
  predictRight: (answer: string) => `Right: ${answer}`,
  predictWrong: (answer: string) => `The model's answer: ${answer}`,
};

/** How a verdict is announced, in every language it is written in (see core/i18n/phrases). */
const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
export const VERDICT_PHRASES = book;
export { say as verdictText };
