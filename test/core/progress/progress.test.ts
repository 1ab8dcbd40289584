import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  mergeProgress,
  parseProgress,
  recordAnswer,
  recordHint,
  recordLanguage,
  recordPage,
  resetProgress,
} from '../../../src/core/progress/merge.js';
import { lessonScore, lessonStatus, scoreOf } from '../../../src/core/progress/score.js';
import { sampleLesson } from '../../fixtures/lessons.js';

const at = '2026-01-01T00:00:00.000Z';
const later = '2026-01-02T00:00:00.000Z';

describe('scores', () => {
  it('is 1 for a first-try answer without hints, and costs hints, wrong tries and the solution', () => {
    const base = { attempts: 1, hintsUsed: 0, solved: true, solutionShown: false, score: 0, updatedAt: at };
    expect(scoreOf(base)).toBe(1);
    expect(scoreOf({ ...base, hintsUsed: 2 })).toBe(0.5);
    expect(scoreOf({ ...base, attempts: 3 })).toBe(0.8);
    expect(scoreOf({ ...base, solutionShown: true })).toBe(0);
    expect(scoreOf({ ...base, solved: false })).toBe(0);
    expect(scoreOf({ ...base, hintsUsed: 9 })).toBe(0);
  });

  it('keeps the best score reached', () => {
    let p = recordAnswer(emptyProgress(), 'sample', 'q', { correct: true, hintsUsed: 0, solutionShown: false, at });
    p = recordHint(p, 'sample', 'q', { hintsUsed: 2, solutionShown: true, at });
    expect(p.lessons.sample?.exercises.q?.score).toBe(1);
  });
});

describe('lesson status', () => {
  it('goes from not started to in progress to done', () => {
    expect(lessonStatus(sampleLesson, undefined)).toBe('not-started');
    let p = recordPage(emptyProgress(), 'sample', 'intro', at);
    expect(lessonStatus(sampleLesson, p.lessons.sample)).toBe('in-progress');
    for (const page of sampleLesson.pages) p = recordPage(p, 'sample', page.id, at);
    for (const id of ['isn-carrier', 'active-closer-states', 'handshake-order', 'synack-ack']) {
      p = recordAnswer(p, 'sample', id, { correct: true, hintsUsed: 0, solutionShown: false, at });
    }
    expect(lessonStatus(sampleLesson, p.lessons.sample)).toBe('done');
    expect(lessonScore(sampleLesson, p.lessons.sample)).toBe(1);
  });
});

describe('merging', () => {
  it('never loses a completed exercise from either side', () => {
    const a = recordAnswer(emptyProgress(), 'sample', 'q1', { correct: true, hintsUsed: 1, solutionShown: false, at });
    const b = recordAnswer(recordPage(emptyProgress(), 'sample', 'p9', later), 'sample', 'q2', {
      correct: true,
      hintsUsed: 0,
      solutionShown: false,
      at: later,
    });
    const b2 = recordAnswer(b, 'sample', 'q1', { correct: false, hintsUsed: 0, solutionShown: false, at: later });
    for (const m of [mergeProgress(a, b2), mergeProgress(b2, a)]) {
      expect(m.lessons.sample?.exercises.q1?.solved).toBe(true);
      expect(m.lessons.sample?.exercises.q2?.solved).toBe(true);
      expect(m.lessons.sample?.exercises.q1?.hintsUsed).toBe(1);
      expect(m.lessons.sample?.page).toBe('p9');
    }
  });

  it('resets all progress or one lesson', () => {
    const p = recordPage(recordPage(emptyProgress(), 'a', 'x', at), 'b', 'y', at);
    expect(Object.keys(resetProgress(p, 'a').lessons)).toEqual(['b']);
    expect(resetProgress(p).lessons).toEqual({});
  });
});

describe('parsing a stored file', () => {
  it('reads what it wrote and rejects what it cannot trust', () => {
    const p = recordAnswer(emptyProgress(), 's', 'q', { correct: true, hintsUsed: 0, solutionShown: false, at });
    expect(parseProgress(JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(parseProgress([])).toEqual({ error: 'not a JSON object' });
    expect(parseProgress({ version: 9, lessons: {} })).toMatchObject({
      error: expect.stringContaining('newer nettutor'),
      newer: true,
    });
    expect(parseProgress({ version: 'x', lessons: {} })).toMatchObject({
      error: expect.stringContaining('unknown version'),
    });
    expect(parseProgress({ version: 1, lessons: { a: 3 } })).toMatchObject({ error: 'lessons.a is not an object' });
  });
});

describe('the language chosen on the home screen', () => {
  const p = recordAnswer(emptyProgress(), 's', 'q', { correct: true, hintsUsed: 0, solutionShown: false, at });

  it('is kept with the progress, and read back', () => {
    const chosen = recordLanguage(p, 'zh-CN', later);
    expect(chosen.language).toEqual({ locale: 'zh-CN', at: later });
    expect(chosen.lessons).toEqual(p.lessons);
    expect(parseProgress(JSON.parse(JSON.stringify(chosen)))).toEqual(chosen);
  });

  it('is optional: a file written before it existed loads as it is, with nothing lost', () => {
    const old = { version: 1, lessons: JSON.parse(JSON.stringify(p.lessons)) };
    const read = parseProgress(old);
    expect(read).toEqual(p);
    expect('language' in (read as object)).toBe(false);
  });

  it('that cannot be read is dropped, never an error: the progress still loads', () => {
    for (const language of ['zh-CN', 42, { locale: 7 }, { locale: 'zh CN; rm' }]) {
      const read = parseProgress({ ...JSON.parse(JSON.stringify(p)), language });
      expect(read).toEqual(p);
    }
  });

  it('is the latest choice when two processes merge their files, whichever side has it', () => {
    const a = recordLanguage(p, 'en', at);
    const b = recordLanguage(p, 'zh-CN', later);
    expect(mergeProgress(a, b).language).toEqual({ locale: 'zh-CN', at: later });
    expect(mergeProgress(b, a).language).toEqual({ locale: 'zh-CN', at: later });
    expect(mergeProgress(a, p).language).toEqual({ locale: 'en', at });
    expect(mergeProgress(p, b).language).toEqual({ locale: 'zh-CN', at: later });
  });

  it('is not progress: resetting all progress keeps it', () => {
    const chosen = recordLanguage(p, 'zh-CN', later);
    expect(resetProgress(chosen)).toEqual({ ...emptyProgress(), language: chosen.language });
    expect(resetProgress(chosen, 's').language).toEqual(chosen.language);
  });
});
