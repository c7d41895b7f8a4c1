import { formatDate } from './time';
import type { IsoDate } from './iso-date';

/**
 * Prepared texts for the messages a coordinator sends the referrer or GP through the record system's messaging
 * (copied, not sent from here). Wording [L]: written for this workbench, plain and without diagnosis.
 * Patient identification: name and birth date (the record system's message is bound to the patient there too).
 */
export type ReferrerMessageKey = 'assessed' | 'coordinator' | 'did_not_attend' | 'ended';

export interface ReferrerMessageFacts {
  patientName: string;
  birthDate: IsoDate;
  referrerPerson: string;
  referralDate: IsoDate | null;
  referralReceived: IsoDate;
  referralAssessed: IsoDate | null;
  careDeadline: IsoDate | null;
  /** The rights assessment (issue #13 §1), when recorded: right / no right / not a pathway case, and the kind of care. */
  rightsDecision?: 'right' | 'no_right' | 'not_pathway' | null;
  careKind?: 'assessment' | 'treatment' | null;
  coordinatorName: string;
  /** The coordinator's own direct phone ('' or absent: the unit's phone). */
  coordinatorPhone?: string;
  unitName: string;
  unitPhone: string;
  /** The latest missed appointment, if any: its Oslo date and clock time. */
  lastNoShow: { date: IsoDate; time: string; attempts: number } | null;
  closedOn: IsoDate | null;
}

export interface ReferrerMessage {
  key: ReferrerMessageKey;
  label: string;
  /** Null when the facts the text needs are not recorded yet; `missing` says which. */
  text: string | null;
  missing: string | null;
}

export function referrerMessages(f: ReferrerMessageFacts): ReferrerMessage[] {
  const greeting = f.referrerPerson ? `Til ${f.referrerPerson}.` : 'Til henviser.';
  const about = `Gjelder ${f.patientName}, f. ${formatDate(f.birthDate)}, henvist ${formatDate(f.referralDate ?? f.referralReceived)}.`;
  const sign = ['Vennlig hilsen', f.coordinatorName, f.unitName, f.unitPhone ? `Telefon ${f.unitPhone}` : ''].filter(Boolean).join('\n');
  const wrap = (lines: string[]) => [greeting, about, '', ...lines, '', sign].join('\n');
  const out: ReferrerMessage[] = [];
  out.push(assessedMessage(f, wrap));
  out.push({
    key: 'coordinator',
    label: 'Pasientens forløpskoordinator',
    text: f.coordinatorName
      ? wrap([
          `Pasientens forløpskoordinator er ${f.coordinatorName}${f.unitName ? `, ${f.unitName}` : ''}${f.coordinatorPhone || f.unitPhone ? `, telefon ${f.coordinatorPhone || f.unitPhone}` : ''}. Ta gjerne kontakt ved spørsmål om forløpet.`,
        ])
      : null,
    missing: f.coordinatorName ? null : 'Koordinatorens navn mangler i profilen',
  });
  out.push(
    f.lastNoShow
      ? {
          key: 'did_not_attend',
          label: 'Pasienten møtte ikke',
          text: wrap([
            `Pasienten møtte ikke til avtalt time ${formatDate(f.lastNoShow.date)} kl. ${f.lastNoShow.time}.`,
            f.lastNoShow.attempts > 0
              ? `Vi har forsøkt å kontakte pasienten ${f.lastNoShow.attempts} ${f.lastNoShow.attempts === 1 ? 'gang' : 'ganger'}.`
              : 'Vi forsøker å kontakte pasienten.',
            'Vi gir beskjed om hva som skjer videre.',
          ]),
          missing: null,
        }
      : { key: 'did_not_attend', label: 'Pasienten møtte ikke', text: null, missing: 'Ingen registrert uteblivelse' },
  );
  out.push(
    f.closedOn
      ? {
          key: 'ended',
          label: 'Forløpet er avsluttet',
          text: wrap([`Pasientforløpet i ${f.unitName || 'spesialisthelsetjenesten'} ble avsluttet ${formatDate(f.closedOn)}.`]),
          missing: null,
        }
      : { key: 'ended', label: 'Forløpet er avsluttet', text: null, missing: 'Forløpet er ikke avsluttet' },
  );
  return out;
}

/** The referrer's window-envelope address lines (organisation, person, street, postal code and place). */
export function referrerAddressLines(r: { organisation: string; person: string; address: string; postalCode: string; postalPlace: string }): string[] {
  return [r.organisation, r.person ? `v/ ${r.person}` : '', r.address, [r.postalCode, r.postalPlace].filter(Boolean).join(' ')].filter((l) => l.trim() !== '');
}

function assessedMessage(f: ReferrerMessageFacts, wrap: (lines: string[]) => string): ReferrerMessage {
  const label = 'Henvisningen er vurdert';
  if (!f.referralAssessed) return { key: 'assessed', label, text: null, missing: 'Vurderingsdato og frist for helsehjelp er ikke registrert' };
  const assessed = `Henvisningen ble vurdert ${formatDate(f.referralAssessed)}.`;
  if (f.rightsDecision === 'no_right') {
    return {
      key: 'assessed',
      label,
      text: wrap([assessed, 'Pasienten er vurdert til ikke å ha rett til nødvendig helsehjelp i spesialisthelsetjenesten.']),
      missing: null,
    };
  }
  if (f.rightsDecision === 'not_pathway') {
    return { key: 'assessed', label, text: wrap([assessed, 'Henvisningen er ikke vurdert som et pasientforløp i psykisk helse og rus.']), missing: null };
  }
  if (!f.careDeadline) return { key: 'assessed', label, text: null, missing: 'Frist for helsehjelp er ikke registrert' };
  const kind = f.careKind === 'treatment' ? 'behandling' : f.careKind === 'assessment' ? 'utredning' : 'utredning eller behandling';
  return {
    key: 'assessed',
    label,
    text: wrap([
      `${assessed} Pasienten har rett til nødvendig helsehjelp i spesialisthelsetjenesten.`,
      `Frist for når helsehjelpen (${kind}) senest skal starte: ${formatDate(f.careDeadline)}.`,
    ]),
    missing: null,
  };
}
