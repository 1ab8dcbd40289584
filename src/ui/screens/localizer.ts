// Lesson text as the learner reads it (pure: the lesson list drawn before Ink
// has loaded uses it too).
import { type LocalText, interpolate, text as localize } from '../../core/i18n/localize.js';
import type { Theme } from '../make-theme.js';

/**
 * Lesson text in the learner's language, as the terminal shows it. With --ascii-only the English text is
 * used, folded to 7-bit before anything measures or wraps it: other languages' text (Chinese) cannot be
 * shown in 7-bit, and English is the text every lesson has (see the notice in App).
 */
export function makeLocalizer(
  locale: string,
  theme: Pick<Theme, 'ascii' | 'text'>,
  params: Record<string, string | number> = {},
) {
  const language = theme.ascii ? 'en' : locale;
  return (t: LocalText | undefined): string =>
    t === undefined ? '' : theme.text(interpolate(localize(t, language), params));
}
