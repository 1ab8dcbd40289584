// The glossary (docs/glossary.md) as data: each term in English, how the
// Chinese text writes it, and the variants it must not write (the `not`
// column). `lessons check --strict` reads a lesson's zh-CN.md with it: a
// variant that the glossary lists as `not` is a problem naming the line and
// the term to write instead. Code (`…` and fenced blocks) is left alone:
// there the words are what a program prints.

export interface GlossaryEntry {
  /** The English term(s), as the first column writes them. */
  english: string;
  /** How Chinese writes it: the second column. */
  chinese: string;
  /** Variants a Chinese text must not use for any meaning: the `not` column, separated by 、. */
  avoid: string[];
  /** The entry's line in the glossary. */
  line: number;
}

export interface GlossaryHit {
  /** 1-based line in the text. */
  line: number;
  /** The variant found. */
  found: string;
  entry: GlossaryEntry;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/**
 * The entries of every table whose header names the columns `English`, `中文` and `not` (in any place; other
 * columns are for people). A row with fewer cells than the header has empty ones.
 */
export function parseGlossary(markdown: string): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const lines = markdown.split('\n');
  let columns: { english: number; chinese: number; avoid: number } | null = null;
  lines.forEach((text, i) => {
    if (!text.trim().startsWith('|')) {
      columns = null;
      return;
    }
    const row = cells(text);
    if (row.every((c) => /^:?-+:?$/.test(c))) return;
    if (!columns) {
      const at = (name: string) => row.findIndex((c) => c.toLowerCase() === name.toLowerCase());
      const [english, chinese, avoid] = [at('English'), at('中文'), at('not')];
      columns = english >= 0 && chinese >= 0 && avoid >= 0 ? { english, chinese, avoid } : null;
      return;
    }
    const avoid = (row[columns.avoid] ?? '')
      .split('、')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    entries.push({ english: row[columns.english] ?? '', chinese: row[columns.chinese] ?? '', avoid, line: i + 1 });
  });
  return entries;
}

/** Every use of an avoided variant in a Markdown text, outside code spans and fenced blocks, line by line. */
export function glossaryHits(markdown: string, entries: readonly GlossaryEntry[]): GlossaryHit[] {
  const hits: GlossaryHit[] = [];
  let fenced = false;
  markdown.split('\n').forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const prose = text.replace(/`[^`]*`/g, ' ');
    for (const entry of entries)
      for (const found of entry.avoid) if (prose.includes(found)) hits.push({ line: i + 1, found, entry });
  });
  return hits;
}

/** What a hit says: the variant, what it stands for, and what the glossary writes. */
export function glossaryMessage(hit: GlossaryHit): string {
  return `"${hit.found}" is not the glossary's term for ${hit.entry.english}: write ${hit.entry.chinese} (docs/glossary.md, line ${hit.entry.line})`;
}
