import { describe, expect, it } from 'vitest';
import { printDocument } from '../../shared/print/document';

const letterhead = { unitName: 'DPS Testby', unitAddress: 'Postboks 1\n0101 Oslo', unitPhone: '22 00 00 00', coordinatorName: 'Kari Koordinator' };

describe('letters in the print layout', () => {
  it("places one letter's address in the window and keeps page numbers", () => {
    const html = printDocument({
      title: 'Brev',
      letterhead,
      printedAt: new Date('2026-11-23T09:00:00Z'),
      body: '<p>Hei</p>',
      recipientAddress: ['Kari <Testesen>', 'Storgata 1'],
    });
    expect(html).toContain('<div class="window">Kari &lt;Testesen&gt;<br>Storgata 1</div>');
    expect(html).toContain('counter(pages)');
    expect(html).not.toContain('<section class="sheet">');
  });

  it('gives each letter of a batch its own sheet, letterhead and window, without page numbers across letters', () => {
    const html = printDocument({
      title: 'Brev',
      letterhead,
      printedAt: new Date('2026-11-23T09:00:00Z'),
      body: '',
      pageNumbers: false,
      sheets: [
        { recipientAddress: ['A'], body: '<p>Brev A</p>' },
        { recipientAddress: ['B'], body: '<p>Brev B</p>' },
      ],
    });
    expect(html.match(/<section class="sheet">/g)).toHaveLength(2);
    expect(html.match(/<div class="head">/g)).toHaveLength(2);
    expect(html.match(/<div class="window">/g)).toHaveLength(2);
    expect(html).toContain('.sheet + .sheet { break-before: page; }');
    expect(html).not.toContain('counter(pages)');
    expect(html.indexOf('Brev A')).toBeLessThan(html.indexOf('Brev B'));
  });
});
