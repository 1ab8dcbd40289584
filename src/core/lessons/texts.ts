// A lesson's words in one language: `<locale>.md` in the lesson folder. The
// structure (ids, answers, settings) is written once in lesson.jsonc; each
// locale file holds only text, under headings that name what the text is for,
// so a translator works in the files of their language alone:
//
//   # Lesson title
//   Summary paragraph.
//   ## page-id: Page title
//   Page text.
//   ### prompt | ### hint | ### explanation
//   ### option <id> | ### item <id> | ### why <id> | ### mistake <id>
//   ### hint for <predict-question-id>
//
// Headings inside fenced code blocks are text. docs/authoring.md has the rules.

/** Where a text goes, as a key: `title`, `page:<id>:text`, `ex:<page-id>:option:<id>`, `ex:<page-id>:hint:2`… */
export type TextKey = string;

export interface TextEntry {
  text: string;
  /** 1-based line of the heading the text is under. */
  line: number;
}

export interface TextProblem {
  line: number;
  message: string;
}

export interface LocaleTexts {
  entries: Map<TextKey, TextEntry>;
  /** Each page section's heading line, by page id (for messages about what is missing). */
  pages: Map<string, number>;
  problems: TextProblem[];
}

const FIELD =
  /^(prompt|hint|explanation)$|^(option|item|why|mistake) ([a-z0-9]+(?:-[a-z0-9]+)*)$|^hint for ([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const PAGE_ID = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?::\s*(.*))?$/;

const FIELD_HEADINGS = [
  '### prompt',
  '### hint',
  '### explanation',
  '### option <id>',
  '### item <id>',
  '### why <id>',
  '### mistake <id>',
  '### hint for <question-id>',
] as const;

/** Reads a locale file. Never throws: what cannot be read is a problem with its line. */
export function parseLocaleTexts(source: string): LocaleTexts {
  const entries = new Map<TextKey, TextEntry>();
  const pages = new Map<string, number>();
  const problems: TextProblem[] = [];
  const hintCounts = new Map<string, number>();
  let current: { key: TextKey | undefined; line: number; body: string[] } = { key: undefined, line: 1, body: [] };
  let page: string | undefined;
  let sawTitle = false;
  let fence: string | undefined;

  const put = (key: TextKey, text: string, line: number) => {
    const other = entries.get(key);
    if (other) problems.push({ line, message: `${describeKey(key)} is written twice (also at line ${other.line})` });
    else entries.set(key, { text, line });
  };
  const finish = () => {
    const text = trimBlankLines(current.body);
    if (current.key === undefined) {
      const first = current.body.findIndex((l) => l.trim() !== '');
      if (first >= 0) {
        problems.push({ line: first + 1, message: 'text before the first heading: start with "# <lesson title>"' });
      }
    } else if (text !== '') put(current.key, text, current.line);
    else if (current.key !== 'summary' && !current.key.endsWith(':text')) {
      problems.push({ line: current.line, message: 'this heading has no text under it' });
    }
  };
  const begin = (key: TextKey, line: number) => {
    finish();
    current = { key, line, body: [] };
  };

  source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      const line = i + 1;
      const fenceMark = /^\s*(```+|~~~+)/.exec(raw)?.[1];
      if (fenceMark && (fence === undefined || fenceMark.startsWith(fence))) fence = fence ? undefined : fenceMark;
      const heading = fence === undefined && !fenceMark ? /^(#{1,6})\s+(.*?)\s*$/.exec(raw) : null;
      const level = heading?.[1]?.length;
      const title = heading?.[2] ?? '';
      if (level === 1) {
        if (sawTitle) {
          problems.push({ line, message: 'a second "# " heading: a locale file has one lesson title' });
          return;
        }
        sawTitle = true;
        begin('summary', line);
        put('title', title, line);
        return;
      }
      if (level === 2) {
        const m = PAGE_ID.exec(title);
        if (!m) {
          problems.push({
            line,
            message: `expected "## <page-id>" or "## <page-id>: <page title>", found "## ${title}" (page ids are kebab-case)`,
          });
          return;
        }
        page = m[1]!;
        const other = pages.get(page);
        if (other !== undefined)
          problems.push({ line, message: `page "${page}" has two sections (also at line ${other})` });
        else pages.set(page, line);
        begin(`page:${page}:text`, line);
        if (m[2]?.trim()) put(`page:${page}:title`, m[2].trim(), line);
        return;
      }
      if (level === 3) {
        const m = FIELD.exec(title);
        if (!page || !m) {
          problems.push({
            line,
            message: !page
              ? `"### ${title}" comes before any "## <page-id>" section`
              : `unknown heading "### ${title}"; expected one of ${FIELD_HEADINGS.join(', ')}`,
          });
          return;
        }
        let key: TextKey;
        if (m[1] === 'hint' || m[4]) {
          const series = m[4] ? `ex:${page}:predict:${m[4]}:hint` : `ex:${page}:hint`;
          const nth = (hintCounts.get(series) ?? 0) + 1;
          hintCounts.set(series, nth);
          key = `${series}:${nth}`;
        } else key = m[1] ? `ex:${page}:${m[1]}` : `ex:${page}:${m[2]}:${m[3]}`;
        begin(key, line);
        return;
      }
      current.body.push(raw);
    });
  finish();
  if (!sawTitle) problems.push({ line: 1, message: 'expected "# <lesson title>" as the first heading' });
  return { entries, pages, problems };
}

function trimBlankLines(lines: string[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines
    .slice(a, b)
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}

/** A key as the heading that writes it, for messages: `### option a` under `## why-three`. */
export function describeKey(key: TextKey): string {
  if (key === 'title') return '# <lesson title>';
  if (key === 'summary') return 'the summary (the paragraph after "# <lesson title>")';
  const [kind, page, ...rest] = key.split(':');
  if (kind === 'page')
    return rest[0] === 'title' ? `the title of page "${page}" ("## ${page}: <title>")` : `the text of "## ${page}"`;
  const where = `under "## ${page}"`;
  if (rest[0] === 'predict') return `"### hint for ${rest[1]}" (hint ${rest[3]}) ${where}`;
  if (rest[0] === 'hint') return `"### hint" (hint ${rest[1]}) ${where}`;
  if (rest.length === 1) return `"### ${rest[0]}" ${where}`;
  return `"### ${rest[0]} ${rest[1]}" ${where}`;
}
