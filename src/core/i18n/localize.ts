// Learner-facing text in the learner's language, falling back to English: the
// one locale mechanism for lesson texts and for the sentences nettutor writes.

/** A learner-facing string: plain (English), or one per locale (`en` required). */
export type LocalText = string | { en: string; [locale: string]: string };

export type Locale = 'en' | 'zh-CN';

export function text(t: LocalText, locale: string): string {
  if (typeof t === 'string') return t;
  const exact = t[locale];
  if (exact) return exact;
  const language = locale.split(/[-_]/)[0]!;
  for (const [key, value] of Object.entries(t)) {
    if (key.split(/[-_]/)[0] === language && value) return value;
  }
  return t.en;
}

/** `--lang` first, then LC_ALL, LC_MESSAGES and LANG (e.g. `zh_CN.UTF-8`); anything unknown is English. */
export function resolveLocale(flag: string | undefined, env: Record<string, string | undefined>): Locale {
  const candidates = [flag, env.LC_ALL, env.LC_MESSAGES, env.LANG];
  for (const c of candidates) {
    if (!c) continue;
    const tag = c.split('.')[0]!.replace('_', '-').toLowerCase();
    if (tag === 'c' || tag === 'posix') continue;
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
    if (c === flag) return 'en';
  }
  return 'en';
}

/** Replaces `{name}` with the value of the parameter `name`; unknown names are left as they are. */
export function interpolate(s: string, params: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
