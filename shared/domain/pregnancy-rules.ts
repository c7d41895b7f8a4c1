import type { IsoDate } from './iso-date';
import { addDays, daysBetween } from './time';

/**
 * Pregnant women and substances (TSB, pakkeforløp «Gravide og rusmidler»): rule data with its source.
 * [C] «Poliklinikk og døgnenhet: 0 kalenderdager fra avsluttet avrusning til annen behandling starter» — read on
 * Helsedirektoratet's pathway page «Gravide og rusmidler», forløpstid (stored copy from a Helsedirektoratet staging
 * host, helsedirektoratet-helsenett-xpqa.enonic.cloud/pakkeforlop/gravide-og-rusmidler; check on helsedirektoratet.no).
 * Note: the page gives 0 days for outpatient as well as inpatient; issue #13 names inpatient only.
 * Pathway times are advisory (veiledende), calendar days.
 */
export interface PregnancyRule {
  key: 'detox_end_to_further_treatment';
  label: string;
  setting: 'outpatient' | 'inpatient';
  days: number;
  unit: 'calendar';
  confidence: 'C' | 'L' | 'U';
  source: string;
}

const SOURCE = 'Helsedirektoratet, pakkeforløp «Gravide og rusmidler», forløpstider (lest fra lagret kopi; kontroller på helsedirektoratet.no)';

export const PREGNANCY_RULES: readonly PregnancyRule[] = [
  {
    key: 'detox_end_to_further_treatment',
    label: 'Fra avsluttet avrusning til videre behandling starter',
    setting: 'inpatient',
    days: 0,
    unit: 'calendar',
    confidence: 'C',
    source: SOURCE,
  },
  {
    key: 'detox_end_to_further_treatment',
    label: 'Fra avsluttet avrusning til videre behandling starter',
    setting: 'outpatient',
    days: 0,
    unit: 'calendar',
    confidence: 'C',
    source: SOURCE,
  },
];

export interface DetoxFollowUp {
  due: IsoDate;
  state: 'met' | 'late' | 'due';
  rule: PregnancyRule;
  /** Days further treatment started after it was due (0 when on time). */
  daysLate: number;
}

/** When further treatment must start after detox, for a pregnant patient; null when the rule does not apply. */
export function detoxFollowUp(f: {
  pregnant: boolean;
  setting: string;
  detoxEndedOn: IsoDate | null;
  furtherTreatmentOn: IsoDate | null;
  today: IsoDate;
}): DetoxFollowUp | null {
  if (!f.pregnant || !f.detoxEndedOn) return null;
  const rule = PREGNANCY_RULES.find((r) => r.setting === f.setting);
  if (!rule) return null;
  // Calendar days: holidays and weekends do not move it (a detox ending on 17 May is due 17 May).
  const due = addDays(f.detoxEndedOn, rule.days);
  const ref = f.furtherTreatmentOn ?? f.today;
  const late = Math.max(0, daysBetween(due, ref));
  if (f.furtherTreatmentOn) return { due, state: late === 0 ? 'met' : 'late', rule, daysLate: late };
  return { due, state: late > 0 ? 'late' : 'due', rule, daysLate: late };
}
