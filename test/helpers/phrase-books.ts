// Checks a phrase book (src/core/i18n/phrases.ts) against its English table:
// every phrase has the translation, and each translation says what English
// says: the same placeholders ({name}) in a string, and, in a function, every
// argument English writes (each call is made with arguments that cannot be
// mistaken for anything else in the text, and the two outputs compared).

type Phrase = string | ((...args: never[]) => string);
type Table = Record<string, Phrase>;
export type Book = { en: Table } & { [locale: string]: Partial<Table> | undefined };

/** The keys of English that `locale` lacks. */
export function missingIn(book: Book, locale: string): string[] {
  return Object.keys(book.en).filter((key) => book[locale]?.[key] === undefined);
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Distinct arguments: numbers for phrases that count, strings for the rest (tried in that order). */
const MARKERS = {
  numbers: (n: number) => Array.from({ length: n }, (_, i) => 7000 + 11 * i),
  strings: (n: number) => Array.from({ length: n }, (_, i) => `⟦${String.fromCharCode(65 + i)}⟧`),
};

/** The markers (and the values English derives from numbers, seq + 1) a phrase writes. */
function markersIn(out: string, args: readonly (string | number)[]): string[] {
  const found = new Set<string>();
  for (const a of args) {
    if (typeof a === 'string') {
      if (out.includes(a)) found.add(a);
      continue;
    }
    // Numbers: the marker itself, or a value made from it (seq + 1, seq + len): any 70xx-73xx number.
    for (const m of out.matchAll(/\b7[0-3]\d\d\b/g)) found.add(m[0]);
  }
  return [...found].sort();
}

function call(p: Phrase, args: readonly (string | number)[]): string | undefined {
  if (typeof p !== 'function') return undefined;
  try {
    const out = (p as (...a: unknown[]) => string)(...args);
    return typeof out === 'string' ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Phrases of `locale` whose placeholders or arguments differ from English's, each with what differs. */
export function placeholderMismatches(book: Book, locale: string): string[] {
  const problems: string[] = [];
  for (const [key, en] of Object.entries(book.en)) {
    const other = book[locale]?.[key];
    if (other === undefined) continue;
    if (typeof en === 'string' || typeof other === 'string') {
      if (typeof en !== typeof other) {
        problems.push(`${key}: English is a ${typeof en}, ${locale} a ${typeof other}`);
        continue;
      }
      const names = (s: string) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
      if (names(en as string).join() !== names(other as string).join())
        problems.push(`${key}: placeholders {${names(en as string)}} in English, {${names(other as string)}}`);
      continue;
    }
    const arity = Math.max(en.length, other.length);
    let compared = false;
    for (const make of [MARKERS.numbers, MARKERS.strings]) {
      const args = make(arity);
      const a = call(en, args);
      const b = call(other, args);
      if (a === undefined || b === undefined) continue;
      compared = true;
      const want = markersIn(a, args);
      const got = markersIn(b, args);
      if (want.join() !== got.join()) problems.push(`${key}: English writes ${want}, ${locale} writes ${got}`);
      break;
    }
    if (!compared && en.length !== other.length)
      problems.push(`${key}: English takes ${en.length} arguments, ${locale} ${other.length}`);
  }
  return problems;
}
