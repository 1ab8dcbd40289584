// The exchange as a three-lane sequence diagram: every step is an event of
// the layout, and at every width the layout allows, in both languages and
// both character sets, every label and note fits whole (a shorter form of it,
// never one cut with an ellipsis).
import { describe, expect, it } from 'vitest';
import { text } from '../../../../src/core/i18n/localize.js';
import { CONDITIONS, exchangeFor } from '../../../../src/core/models/http-gateway/exchange.js';
import { gatewayDiagram, gatewayEvents } from '../../../../src/core/models/http-gateway/sequence.js';
import { MAX_SEQUENCE_WIDTH, MIN_SEQUENCE_WIDTH } from '../../../../src/core/sequence/layout.js';

describe('the gateway diagram', () => {
  it('has one layout event per step, on the lanes client 0, gateway 1, upstream 2', () => {
    const e = exchangeFor('refused');
    const events = gatewayEvents(e, (t) => text(t, 'en'));
    expect(events.map((x) => (x.kind === 'send' ? `${x.kind} ${x.from}>${x.to}` : x.kind))).toEqual([
      'send 0>1',
      'arrive',
      'send 1>2',
      'arrive',
      'note',
      'send 2>1',
      'arrive',
      'note',
      'send 1>0',
      'arrive',
    ]);
    const drawn = gatewayDiagram(e, { width: 80, charset: 'unicode', tr: (t) => text(t, 'en') });
    expect(drawn.eventRows).toHaveLength(e.steps.length);
    expect(drawn.lines[0]).toMatch(/^ {2}ms +client +gateway +upstream$/);
  });

  it('cuts no label and no note at any width, in English and Chinese, in Unicode and 7-bit', () => {
    const cut: string[] = [];
    for (const locale of ['en', 'zh-CN'])
      for (const charset of ['unicode', 'ascii'] as const)
        for (let width = MIN_SEQUENCE_WIDTH; width <= 120; width++)
          for (const c of CONDITIONS) {
            if (charset === 'ascii' && locale !== 'en') continue;
            const lines = gatewayDiagram(exchangeFor(c), { width, charset, tr: (t) => text(t, locale) }).lines;
            for (const l of lines)
              if (l.includes(charset === 'ascii' ? '~' : '…')) cut.push(`${locale} ${width} ${c}: ${l}`);
          }
    expect(cut).toEqual([]);
  });

  it('fits the widest terminal too', () => {
    const lines = gatewayDiagram(exchangeFor('slow'), {
      width: 500,
      charset: 'unicode',
      tr: (t) => text(t, 'en'),
    }).lines;
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(MAX_SEQUENCE_WIDTH);
  });
});
