// What grading says about an answer: right or not, what was expected, and why.
import type { LocalText } from '../i18n/localize.js';

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
