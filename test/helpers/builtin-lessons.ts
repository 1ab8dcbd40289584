// The shipped lessons as the tutorial lists them, for tests that open one by its place on the home screen.
import { fileURLToPath } from 'node:url';
import { text } from '../../src/core/i18n/localize.js';
import { loadLessons } from '../../src/node/lesson-files.js';

export const builtinLessons = loadLessons({
  builtinDir: fileURLToPath(new URL('../../lessons', import.meta.url)),
}).lessons;

/** The second lesson of the list (one Down and Enter from the home screen): its id and English title. */
export const secondLesson = { id: builtinLessons[1]!.id, title: text(builtinLessons[1]!.title, 'en') };

/** `s` with regular-expression characters escaped. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
