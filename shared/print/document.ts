import { esc, escLines } from './escape';
import { formatDate, todayInOslo } from '../domain/time';

/** The letterhead: the unit's part of the profile, and the name (and direct phone) of the person who prints. */
export interface Letterhead {
  unitName: string;
  unitAddress: string;
  unitPhone: string;
  coordinatorName: string;
  /** The person's own direct phone, when they gave one ('' or absent: the unit's phone is the one to call). */
  coordinatorPhone?: string;
}

export interface PrintDocumentInput {
  /** Document kind shown in the header, e.g. "Dagsorden". Never a patient's name (it becomes the PDF title). */
  title: string;
  letterhead: Letterhead;
  printedAt: Date;
  /** Body HTML, built by the caller with esc()/escLines() around every value. */
  body: string;
  /** For letters: the recipient's address lines, placed for a standard window envelope (C5/C4, window left). */
  recipientAddress?: string[];
  /**
   * Several letters in one document (a daily batch for the printer): each gets its own letterhead and
   * window address and starts on a new sheet. When given, `body` and `recipientAddress` are not used.
   */
  sheets?: { recipientAddress?: string[]; body: string }[];
  /** "Side x av y" in the footer (default true). Off for batches, where pages run across letters. */
  pageNumbers?: boolean;
}

/**
 * The one print layout: A4, letterhead, page numbers, print date. Letters, agendas, minutes, plans and
 * patient summaries all come out of here, so they look like one product on paper.
 */
export function printDocument(input: PrintDocumentInput): string {
  const { letterhead: lh } = input;
  const printed = formatDate(todayInOslo(input.printedAt));
  const head = `<div class="head">
  <div><div class="unit">${esc(lh.unitName)}</div><div class="muted">${escLines(lh.unitAddress)}</div></div>
  <div class="meta"><div class="kind">${esc(input.title)}</div><div>Telefon ${esc(lh.unitPhone)}</div><div>Kontakt: ${esc(lh.coordinatorName)}</div>${lh.coordinatorPhone ? `<div>Direkte ${esc(lh.coordinatorPhone)}</div>` : ''}</div>
</div>`;
  const windowed = (lines: string[] | undefined) => (lines ? `<div class="window">${lines.map(esc).join('<br>')}</div><div class="letter-top"></div>` : '');
  const pageNumbers =
    input.pageNumbers === false
      ? ''
      : '@bottom-right { content: "Side " counter(page) " av " counter(pages); font: 8pt system-ui, Arial, sans-serif; color: #444; } ';
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<style>
@page { size: A4; margin: 18mm 20mm 20mm 22mm;
  @bottom-left { content: "Skrevet ut ${printed}"; font: 8pt system-ui, Arial, sans-serif; color: #444; }
  ${pageNumbers}}
* { box-sizing: border-box; }
html { font: 10.5pt/1.45 system-ui, 'Segoe UI', Arial, sans-serif; color: #000; }
body { margin: 0; }
.head { display: flex; justify-content: space-between; border-bottom: 1.5pt solid #000; padding-bottom: 3mm; margin-bottom: 6mm; }
.head .unit { font-weight: 700; font-size: 12pt; }
.head .meta { text-align: right; font-size: 9pt; }
.kind { font-size: 9pt; text-transform: uppercase; letter-spacing: .06em; color: #333; }
/* Window envelope (C5 H2): the window is 45 mm from the top edge and 20–110 mm from the left edge. The address
   starts at the left page margin (22 mm), 2 mm inside the window: content left of the margin would be clipped. */
.window { position: absolute; top: calc(45mm - 18mm); left: 0; width: 86mm; height: 35mm; font-size: 11pt; line-height: 1.3; }
.letter-top { height: calc(90mm - 18mm); }
h1 { font-size: 15pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 3mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
th, td { text-align: left; vertical-align: top; border-bottom: .5pt solid #888; padding: 1.5mm 2mm 1.5mm 0; }
th { font-size: 9pt; }
tr { break-inside: avoid; }
.muted { color: #444; }
.signature { margin-top: 12mm; display: grid; grid-template-columns: 1fr 1fr; gap: 12mm; }
.signature div { border-top: .5pt solid #000; padding-top: 1mm; font-size: 9pt; }
ul, ol { margin: 0 0 3mm; padding-left: 6mm; }
.sheet { position: relative; }
.sheet + .sheet { break-before: page; }
</style></head>
<body>
${input.sheets ? input.sheets.map((sh) => `<section class="sheet">\n${head}\n${windowed(sh.recipientAddress)}\n${sh.body}\n</section>`).join('\n') : `${head}\n${windowed(input.recipientAddress)}\n${input.body}`}
</body></html>`;
}
