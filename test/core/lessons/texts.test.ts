import { describe, expect, it } from 'vitest';
import { parseLocaleTexts } from '../../../src/core/lessons/texts.js';

const entries = (source: string) =>
  Object.fromEntries([...parseLocaleTexts(source).entries].map(([k, v]) => [k, `${v.line}|${v.text}`]));
const problems = (source: string) => parseLocaleTexts(source).problems.map((p) => `${p.line}: ${p.message}`);

describe('a locale file', () => {
  it('gives the title, the summary and each page its text, keyed by page id', () => {
    const source = [
      '# The handshake',
      '',
      'Three segments.',
      'Two numbers.',
      '',
      '## intro: Before we start',
      '',
      'Text of the page.',
      '',
      '- a bullet',
      '',
      '## watch',
      '',
      '## bare',
    ].join('\n');
    expect(entries(source)).toEqual({
      title: '1|The handshake',
      summary: '1|Three segments.\nTwo numbers.',
      'page:intro:title': '6|Before we start',
      'page:intro:text': '6|Text of the page.\n\n- a bullet',
    });
    expect([...parseLocaleTexts(source).pages]).toEqual([
      ['intro', 6],
      ['watch', 12],
      ['bare', 14],
    ]);
    expect(problems(source)).toEqual([]);
  });

  it("keys an exercise's texts by the page they are on, hints numbered in order", () => {
    const source = [
      '# T',
      '## q',
      '### prompt',
      'Pick {n}.',
      '### option syn-ack',
      'SYN,ACK',
      '### why syn-ack',
      'Right.',
      '### item first',
      'First',
      '### mistake off-by-one',
      'One too many.',
      '### hint',
      'One.',
      '### hint',
      'Two.',
      '### hint for predict-ack',
      'About the ack.',
      '### explanation',
      'Because.',
    ].join('\n');
    expect(entries(source)).toMatchObject({
      'ex:q:prompt': '3|Pick {n}.',
      'ex:q:option:syn-ack': '5|SYN,ACK',
      'ex:q:why:syn-ack': '7|Right.',
      'ex:q:item:first': '9|First',
      'ex:q:mistake:off-by-one': '11|One too many.',
      'ex:q:hint:1': '13|One.',
      'ex:q:hint:2': '15|Two.',
      'ex:q:predict:predict-ack:hint:1': '17|About the ack.',
      'ex:q:explanation': '19|Because.',
    });
  });

  it('keeps headings inside a fenced block as text', () => {
    const source = ['# T', '## p', '```', '## not a page', '### prompt', '```', 'after'].join('\n');
    expect(entries(source)['page:p:text']).toBe('2|```\n## not a page\n### prompt\n```\nafter');
    expect(problems(source)).toEqual([]);
  });

  it('names each mistake with its line', () => {
    const source = [
      'Intro text.',
      '# T',
      '### prompt',
      'x',
      '## Not An Id',
      '## p',
      '### choice a',
      'x',
      '### prompt',
      '### hint',
      'h',
      '## p',
      '# Second title',
    ].join('\n');
    expect(problems(source)).toEqual([
      '1: text before the first heading: start with "# <lesson title>"',
      '3: "### prompt" comes before any "## <page-id>" section',
      '5: expected "## <page-id>" or "## <page-id>: <page title>", found "## Not An Id" (page ids are kebab-case)',
      '7: unknown heading "### choice a"; expected one of ### prompt, ### hint, ### explanation, ### option <id>, ### item <id>, ### why <id>, ### mistake <id>, ### hint for <question-id>',
      '9: this heading has no text under it',
      '12: page "p" has two sections (also at line 6)',
      '13: a second "# " heading: a locale file has one lesson title',
    ]);
  });

  it('says when the lesson title is missing or a text is written twice', () => {
    expect(problems('## p\nText')).toEqual(['1: expected "# <lesson title>" as the first heading']);
    expect(problems('# T\n## p\n### prompt\na\n### prompt\nb')).toEqual([
      '5: "### prompt" under "## p" is written twice (also at line 3)',
    ]);
  });
});
