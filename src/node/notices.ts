// The notices a session starts with (a lesson file skipped, a lesson replaced,
// a progress file that cannot be used), in every language they are written in
// (see core/i18n/phrases): the tutorial's notices screen shows them in the
// learner's language; the command line and logs write English.
import type { LocalText } from '../core/i18n/localize.js';
import { phraseBook } from '../core/i18n/phrases.js';
import { ZH } from './notices.zh-CN.js';

const EN = {
  lessonReplaced: (id: string, dir: string) => `The lesson "${id}" from ${dir} replaces the built-in one.`,
  lessonsSkipped: (files: number, command: string, first: string) =>
    `${files} lesson file${files === 1 ? ' has' : 's have'} problems and ${files === 1 ? 'was' : 'were'} skipped: run \`${command}\` (first: ${first})`,
  progressUnreadable: (file: string, reason: string) =>
    `Your progress file ${file} cannot be read (${reason}); it is left as it is, and this session's progress may not be saved.`,
  progressMovedAside: (reason: string, aside: string) =>
    `Your progress file could not be used (${reason}); it was moved to ${aside} and you start afresh.`,
  progressNotMoved: (file: string, reason: string, error: string) =>
    `Your progress file ${file} could not be used (${reason}) nor moved aside (${error}); progress will not be saved over it.`,
  workshopLessonsSkipped: (files: number) =>
    `${files} lesson file${files === 1 ? ' has' : 's have'} problems and could not be loaded (the instructor has been told).`,
  workshopProgressUnread: 'Your saved progress could not be read; you start afresh (the instructor can see why).',
};

const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
/** The notices' phrases, in every language they are written in. */
export const NOTICE_PHRASES = book;
export const noticeText = say;

/** A notice as the command line writes it: in English. */
export const english = (t: LocalText): string => (typeof t === 'string' ? t : t.en);
