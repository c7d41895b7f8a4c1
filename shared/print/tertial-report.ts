import { esc } from './escape';
import { printDocument, type Letterhead } from './document';
import { formatDate } from '../domain/time';
import { pathwayTypeLabel, settingLabel } from '../domain/pathway-types';
import { groupLabel, NATIONAL_FIGURES, share, type ReportIndicatorId, type TertialReport } from '../domain/tertial-report';

const pct = (v: number | null) => (v === null ? '–' : `${v} %`);

/** The unit leader's tertial report on paper: the same numbers as the screen and the CSV, no patient. */
export function tertialReportDocument(r: TertialReport, letterhead: Letterhead, printedAt: Date): string {
  const ids = Object.keys(r.indicatorLabels) as ReportIndicatorId[];
  const indicatorTables = ids
    .map((id) => {
      const rows = r.groups.map((g) => ({ g, m: g.measures.find((m) => m.id === id)! })).filter(({ m }) => m.met + m.missed + m.pending > 0);
      const total = r.totals.measures.find((m) => m.id === id)!;
      const body = rows.length
        ? rows
            .map(
              ({ g, m }) =>
                `<tr><td>${esc(pathwayTypeLabel(g.pathwayType))}</td><td>${esc(settingLabel(g.setting))}</td><td class="num">${m.met}</td><td class="num">${m.missed}</td><td class="num">${m.pending}</td><td class="num"><b>${esc(pct(m.share))}</b></td><td>${esc(m.national ?? '–')}</td></tr>`,
            )
            .join('') +
          (rows.length > 1
            ? `<tr class="total"><td><b>Alle forløp</b></td><td></td><td class="num">${total.met}</td><td class="num">${total.missed}</td><td class="num">${total.pending}</td><td class="num"><b>${esc(pct(total.share))}</b></td><td>–</td></tr>`
            : '')
        : '<tr><td colspan="7" class="muted">Ingen henvisninger å måle i perioden.</td></tr>';
      return `<h3>${esc(r.indicatorLabels[id])}</h3>
<table><thead><tr><th>Forløp</th><th>Nivå</th><th class="num">Innen tid</th><th class="num">Ikke innen tid</th><th class="num">Frist ikke passert</th><th class="num">Andel</th><th>Nasjonalt</th></tr></thead><tbody>${body}</tbody></table>`;
    })
    .join('\n');
  const received = r.groups.length
    ? r.groups
        .map((g) => `<tr><td>${esc(pathwayTypeLabel(g.pathwayType))}</td><td>${esc(settingLabel(g.setting))}</td><td class="num">${g.received}</td></tr>`)
        .join('') + `<tr class="total"><td><b>Alle forløp</b></td><td></td><td class="num"><b>${r.totals.received}</b></td></tr>`
    : '<tr><td colspan="3" class="muted">Ingen henvisninger mottatt i perioden.</td></tr>';
  const breaches = r.breaches.length
    ? r.breaches.map((b) => `<tr><td>${esc(b.label)}</td><td>${esc(groupLabel(b.pathwayType, b.setting))}</td><td class="num">${b.count}</td></tr>`).join('')
    : '<tr><td colspan="3" class="muted">Ingen overskridelser med registrert årsak i perioden.</td></tr>';
  const noShows = r.noShows.length
    ? r.noShows
        .map(
          (s) =>
            `<tr><td>${esc(groupLabel(s.pathwayType, s.setting))}</td><td class="num">${s.total}</td><td class="num">${s.resolved}</td><td class="num">${s.resolvedWithinPolicy}</td><td class="num"><b>${esc(pct(share(s.resolvedWithinPolicy, s.total - s.resolvedWithinPolicy)))}</b></td><td class="num">${s.escalated}</td><td class="num">${s.open}</td></tr>`,
        )
        .join('')
    : '<tr><td colspan="7" class="muted">Ingen registrerte uteblivelser i perioden.</td></tr>';
  const sources = [...new Set(NATIONAL_FIGURES.map((f) => f.source))].map((s) => `<li>${esc(s)}</li>`).join('');
  const body = `<style>.num { text-align: right; white-space: nowrap; } td.num, th.num { padding-right: 3mm; } th.num { white-space: normal; } td:first-child { width: 34%; }</style>
<h1>Rapport for ${esc(r.label)}</h1>
<p class="muted">Henvisninger mottatt ${esc(formatDate(r.from))}–${esc(formatDate(r.to))}. Bare antall, ingen pasientopplysninger. Tall som ikke er nådd ennå står under «Frist ikke passert».</p>
<h2>Henvisninger mottatt</h2>
<table><thead><tr><th>Forløp</th><th>Nivå</th><th class="num">Antall</th></tr></thead><tbody>${received}</tbody></table>
<h2>Nasjonale indikatorer</h2>
${indicatorTables}
<h2>Overskridelser av forløpstid etter årsak</h2>
<table><thead><tr><th>Årsak</th><th>Forløp</th><th class="num">Antall</th></tr></thead><tbody>${breaches}</tbody></table>
<h2>Ikke møtt: løst innen reglene</h2>
<p class="muted">Regler: ${esc(r.policy)}. Løst innen reglene: avsluttet eller eskalert uten å fravike reglene, med første kontaktforsøk innen fristen.</p>
<table><thead><tr><th>Forløp</th><th class="num">Ikke møtt</th><th class="num">Løst</th><th class="num">Innen reglene</th><th class="num">Andel</th><th class="num">Eskalert</th><th class="num">Åpne</th></tr></thead><tbody>${noShows}</tbody></table>
<h2>Kilder for nasjonale tall</h2>
<ul>${sources}</ul>`;
  return printDocument({ title: 'Tertialrapport', letterhead, printedAt, body });
}
