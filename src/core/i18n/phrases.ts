// The sentences nettutor writes itself (an event told in words, a question
// about what comes next, a verdict) go through the same locale mechanism as
// lesson texts: each is a LocalText, with one phrase book per language. A
// book is a table of phrases, English complete, the others filled in as
// they are translated; a phrase a language lacks falls back to English.
import { type LocalText, text } from './localize.js';

type Phrase = string | ((...args: never[]) => string);
type Book = Record<string, Phrase>;

/** English, and any other languages, each a partial copy of English's table. */
export type Phrases<T extends Book> = { en: T } & { [locale: string]: Partial<T> | undefined };

export type Args<P> = P extends (...args: infer A) => string ? A : [];

/** The phrase `key` in every language that has it. */
export function phrase<T extends Book, K extends keyof T & string>(
  book: Phrases<T>,
  key: K,
  ...args: Args<T[K]>
): LocalText {
  const say = (p: Phrase): string => (typeof p === 'function' ? (p as (...a: unknown[]) => string)(...args) : p);
  const out: Record<string, string> = { en: say(book.en[key] as Phrase) };
  for (const [locale, table] of Object.entries(book)) {
    const p = locale === 'en' ? undefined : table?.[key];
    if (p !== undefined) out[locale] = say(p as Phrase);
  }
  return Object.keys(out).length === 1 ? out.en! : (out as LocalText);
}

/**
 * Several LocalTexts joined, language by language (a sentence built from parts). The separator may differ by
 * language: sentences are joined with a space in English, with nothing in Chinese (SENTENCES).
 */
export function joinTexts(parts: readonly LocalText[], separator: LocalText = ''): LocalText {
  const locales = new Set<string>(['en']);
  for (const p of parts) if (typeof p !== 'string') for (const l of Object.keys(p)) locales.add(l);
  // An empty separator is one (Chinese sentences need none): not a missing text.
  const sep = (l: string) => (typeof separator === 'string' ? separator : (separator[l] ?? separator.en));
  if (locales.size === 1) return parts.map((p) => (typeof p === 'string' ? p : p.en)).join(sep('en'));
  const out: Record<string, string> = {};
  for (const l of locales) {
    out[l] = parts.map((p) => (typeof p === 'string' ? p : (p[l] ?? p.en))).join(sep(l));
  }
  return out as LocalText;
}

/** Between two sentences: a space in English; nothing after a Chinese full stop. */
export const SENTENCES: LocalText = { en: ' ', 'zh-CN': '' };

/** The arguments of a phrase, where each text (a string) may be a LocalText, taken language by language. */
export type LocalArgs<A extends unknown[]> = { [I in keyof A]: A[I] extends string ? LocalText : A[I] };

const isLocal = (a: unknown): a is Exclude<LocalText, string> =>
  typeof a === 'object' && a !== null && !Array.isArray(a) && typeof (a as { en?: unknown }).en === 'string';

/**
 * The phrase `key` in every language that has it, or whose arguments have it: a LocalText argument is given to
 * each language's phrase in that language (falling back to English, like a lesson text).
 */
export function phraseWith<T extends Book, K extends keyof T & string>(
  book: Phrases<T>,
  key: K,
  ...args: LocalArgs<Args<T[K]>>
): LocalText {
  const locales = new Set<string>(['en']);
  for (const [locale, table] of Object.entries(book)) if (table?.[key] !== undefined) locales.add(locale);
  for (const a of args) if (isLocal(a)) for (const l of Object.keys(a)) locales.add(l);
  const out: Record<string, string> = {};
  for (const locale of locales) {
    const p = (book[locale]?.[key] ?? book.en[key]) as Phrase;
    const given = (args as unknown[]).map((a) => (isLocal(a) ? text(a, locale) : a));
    out[locale] = typeof p === 'function' ? (p as (...a: unknown[]) => string)(...given) : p;
  }
  return locales.size === 1 ? out.en! : (out as LocalText);
}

/**
 * A phrase book from its English table (and any translations), with `say`, which gives one phrase in every
 * language that has it: `say('notMarked', 2)`.
 */
export function phraseBook<T extends Book>(en: T, translations: { [locale: string]: Partial<T> } = {}) {
  const book: Phrases<T> = { ...translations, en };
  const say = <K extends keyof T & string>(key: K, ...args: Args<T[K]>): LocalText => phrase(book, key, ...args);
  /** `say`, where an argument may itself be a LocalText ("the proxy" / "代理"): each language gets its own. */
  const sayWith = <K extends keyof T & string>(key: K, ...args: LocalArgs<Args<T[K]>>): LocalText =>
    phraseWith(book, key, ...args);
  return { book, say, sayWith };
}
