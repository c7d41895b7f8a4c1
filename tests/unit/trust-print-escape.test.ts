import { describe, expect, it } from 'vitest';
import { printDocument } from '../../shared/print/document';
import { esc, escLines } from '../../shared/print/escape';
import { csvSafeCell } from '../../shared/domain/audit-log';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '"><svg onload=alert(1)>',
  "'; alert(1); '",
  '</style><script>alert(1)</script>',
  '&lt;already escaped&gt;',
];

describe('printouts escape every value', () => {
  it('esc() leaves no markup characters', () => {
    for (const s of HOSTILE) expect(esc(s)).not.toMatch(/[<>"']/);
    expect(esc('<b>&"\'')).toBe('&lt;b&gt;&amp;&quot;&#39;');
    expect(escLines('a<b>\nc')).toBe('a&lt;b&gt;<br>c');
  });

  it('printDocument() turns hostile letterhead, title and address into text, not markup', () => {
    for (const s of HOSTILE) {
      const html = printDocument({
        title: s,
        letterhead: { unitName: s, unitAddress: `${s}\n${s}`, unitPhone: s, coordinatorName: s, coordinatorPhone: s },
        printedAt: new Date('2026-11-23T09:00:00Z'),
        body: `<p>${esc(s)}</p>`,
        recipientAddress: [s, s],
      });
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<svg');
      expect(html).not.toContain('<script');
      expect(html.match(/<\/style>/g)).toHaveLength(1);
      expect(html.match(/<style>/g)).toHaveLength(1);
      expect(html).toContain(esc(s));
    }
  });

  it('export cells that a spreadsheet would run as formulas are defused', () => {
    expect(csvSafeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(csvSafeCell('+1')).toBe("'+1");
    expect(csvSafeCell('-2')).toBe("'-2");
    expect(csvSafeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvSafeCell('Kari Koordinator')).toBe('Kari Koordinator');
  });
});
