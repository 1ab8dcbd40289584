// Checks for the fields every data file shares: ids, and learner-facing texts
// (a string, or one text per locale with English required).
import type { LocalText } from '../i18n/localize.js';
import { type Checker, describe, fieldPath, isObject, type Json } from './checker.js';

export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOCALE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

export function idField(c: Checker, v: Json, path: string): string | undefined {
  return c.string(v, path, { pattern: ID, what: 'an id in kebab-case (a-z, 0-9 and -)' });
}

/** A learner-facing text: a string, or one per locale with English required. */
export function localText(c: Checker, v: Json, path: string): LocalText | undefined {
  if (typeof v === 'string') return c.string(v, path, { what: 'a non-empty text' });
  if (!isObject(v)) {
    c.problem(path, `expected a text (a string, or {"en": "…", "zh-CN": "…"}), found ${describe(v)}`);
    return undefined;
  }
  if (typeof v.en !== 'string' || v.en.trim() === '') {
    c.problem(fieldPath(path, 'en'), 'expected the English text (required in every translated text)');
    return undefined;
  }
  const out: Record<string, string> = { en: v.en };
  for (const [locale, t] of Object.entries(v)) {
    if (locale === 'en') continue;
    if (!LOCALE.test(locale))
      c.problem(fieldPath(path, locale), `expected a locale code such as zh-CN, found "${locale}"`);
    else if (typeof t !== 'string' || t.trim() === '') {
      c.problem(fieldPath(path, locale), `expected a non-empty text, found ${describe(t)}`);
    } else out[locale] = t;
  }
  return out as LocalText;
}

export function localTexts(c: Checker, v: Json, path: string, min: number, what: string): LocalText[] | undefined {
  const list = c.array(v, path, { min, what });
  if (!list) return undefined;
  const out: LocalText[] = [];
  list.forEach((t, i) => {
    const x = localText(c, t, `${path}[${i}]`);
    if (x !== undefined) out.push(x);
  });
  return out.length === list.length ? out : undefined;
}
