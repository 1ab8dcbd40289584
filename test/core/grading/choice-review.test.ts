// What an answer to a choice question shows of each option: the chosen ones
// with their why (wrong ones first), the others only once the question is
// solved or its solution shown.
import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/i18n/localize.js';
import { grade, reviewChoices } from '../../../src/core/grading/grade.js';
import type { MultipleChoiceExercise, SingleChoiceExercise } from '../../../src/core/lessons/types.js';
import { sampleLesson } from '../../fixtures/lessons.js';

const single = sampleLesson.pages[1]!.exercise as SingleChoiceExercise;
const multiple = sampleLesson.pages[2]!.exercise as MultipleChoiceExercise;
const ctx = { params: {}, lesson: {} };

describe('reviewing a choice', () => {
  it('shows only the chosen option of a wrong single choice', () => {
    const review = reviewChoices(single, ['ack'], false);
    expect(review[0]).toEqual({
      id: 'ack',
      text: 'ACK',
      chosen: true,
      right: false,
      why: 'The third segment only acknowledges.',
    });
    // Neither the right option nor the other wrong one gives anything away.
    for (const other of review.slice(1)) {
      expect(other.right).toBeUndefined();
      expect(other.why).toBeUndefined();
    }
  });

  it('shows every option once solved or revealed: chosen first, then right, then wrong', () => {
    expect(reviewChoices(single, ['synack'], true).map((o) => [o.id, o.right])).toEqual([
      ['synack', true],
      ['syn', false],
      ['ack', false],
    ]);
    expect(reviewChoices(single, ['ack'], true).map((o) => [o.id, o.chosen, o.right])).toEqual([
      ['ack', true, false],
      ['synack', false, true],
      ['syn', false, false],
    ]);
  });

  it('puts the wrong options chosen before the right ones in a multiple choice', () => {
    const review = reviewChoices(multiple, ['tw', 'cw'], false);
    expect(review.map((o) => [o.id, o.right])).toEqual([
      ['cw', false],
      ['tw', true],
      ['fw1', undefined],
    ]);
    const verdict = grade(multiple, ['tw', 'cw'], ctx);
    expect(verdict.feedback.map((f) => text(f, 'en'))).toEqual([
      'CLOSE-WAIT belongs to the passive closer.',
      'Only the active closer waits 2·MSL.',
      '1 right answer is not marked.',
    ]);
  });
});
