// Learner-facing text in the learner's language, falling back to English: the
// one locale mechanism for lesson texts and for the sentences nettutor writes.
import { ownEntry } from '../own.js';

/** A learner-facing string: plain (English), or one per locale (`en` required). */
export type LocalText = string | { en: string; [locale: string]: string };

export type Locale = 'en' | 'zh-CN';

/** The languages nettutor speaks, in the order the home screen's switch (L) goes through them. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** The language after `locale` in LOCALES (from the last, the first again; from an unknown one, the first). */
export function nextLocale(locale: string): Locale {
  const i = LOCALES.indexOf(locale as Locale);
  return LOCALES[(i + 1) % LOCALES.length]!;
}

export function text(t: LocalText, locale: string): string {
  if (typeof t === 'string') return t;
  const exact = ownEntry(t, locale);
  if (exact) return exact;
  const language = locale.split(/[-_]/)[0]!;
  for (const [key, value] of Object.entries(t)) {
    if (key.split(/[-_]/)[0] === language && value) return value;
  }
  return t.en;
}

/**
 * The session's language: `--lang` first, then the language the learner chose on the home screen (kept with
 * the progress), then LC_ALL, LC_MESSAGES and LANG (e.g. `zh_CN.UTF-8`); anything unknown is English.
 */
export function resolveLocale(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  saved?: string,
): Locale {
  const candidates = [flag, saved, env.LC_ALL, env.LC_MESSAGES, env.LANG];
  for (const c of candidates) {
    if (!c) continue;
    const tag = c.split('.')[0]!.replace('_', '-').toLowerCase();
    if (tag === 'c' || tag === 'posix') continue;
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
    if (c === flag || c === saved) return 'en';
  }
  return 'en';
}

/**
 * Replaces `{name}` with the value of the parameter `name`; unknown names are left as they are (`{toString}` too,
 * unless a parameter is called so: the names every object inherits are not parameters).
 */
export function interpolate(s: string, params: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = ownEntry(params, name);
    return value === undefined ? whole : String(value);
  });
}
