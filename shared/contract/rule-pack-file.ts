import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';
import { CONFIDENCES, EVENT_TYPES } from './pathways';

/**
 * A national rule pack file (issue #13 §2): a dated set of pathway times, and optionally codes, for one or more
 * pathways, as the Directorate revises them. JSON; validated here field by field with Norwegian messages that say
 * where in the file the problem is and never repeat what the file says. Sample: tests/fixtures/rule-pack-2027.json.
 */
export const RULE_PACK_FORMAT = 'forlopsbenk-regelpakke';
export const RULE_PACK_FORMAT_VERSION = 1;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} mangler` })
    .max(max, { message: `${label} kan ikke være lengre enn ${max} tegn` })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message: `${label} mangler` });

const date = (label: string) => z.string({ error: `${label} mangler` }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} må være en dato (ÅÅÅÅ-MM-DD)` });

const packTime = lazySchema(() =>
  z
    .object({
      setting: z.enum(SETTING_IDS, { error: 'ukjent behandlingsnivå (outpatient eller inpatient)' }),
      fromEvent: z.enum(EVENT_TYPES, { error: 'ukjent hendelse' }),
      toEvent: z.enum(EVENT_TYPES, { error: 'ukjent hendelse' }),
      days: z
        .number({ error: 'antall dager mangler' })
        .int({ message: 'antall dager må være et helt tall' })
        .min(0, { message: 'antall dager kan ikke være negativt' })
        .max(730, { message: 'høyst 730 dager' }),
      unit: z.enum(['calendar', 'working'], { error: 'enheten må være calendar eller working' }),
      confidence: z.enum(CONFIDENCES, { error: 'sikkerheten må være confirmed, local eller unconfirmed' }),
      source: z.string({ error: 'kilde mangler' }).max(500, { message: 'kilden kan ikke være lengre enn 500 tegn' }).default(''),
      note: z.string().max(300, { message: 'merknaden kan ikke være lengre enn 300 tegn' }).nullable().default(null),
      variant: z.enum(['severe', 'less_severe'], { error: 'variant må være severe eller less_severe' }).nullable().default(null),
      repeatWithinDays: z
        .number()
        .int({ message: 'må være et helt tall' })
        .min(1, { message: 'må være minst 1' })
        .max(3650, { message: 'høyst 3650 dager' })
        .nullable()
        .default(null),
    })
    .strict()
    .refine((t) => t.confidence !== 'confirmed' || t.source.trim().length > 0, { message: 'en bekreftet forløpstid må ha kilde', path: ['source'] }),
);

const packPathway = lazySchema(() =>
  z
    .object({
      pathwayType: z.enum(PATHWAY_TYPE_IDS, { error: 'ukjent forløpstype' }),
      clockStart: z.enum(['referral_received', 'referral_assessed'], { error: 'klokkestart må være referral_received eller referral_assessed' }),
      source: text('kilde', 500),
      validFromConfidence: z.enum(CONFIDENCES, { error: 'sikkerheten må være confirmed, local eller unconfirmed' }).default('confirmed'),
      /** Optional codes: the pathway code (e.g. D11) and event code suffixes (e.g. first_attendance → F). */
      codes: z
        .object({
          pathway: z
            .string()
            .regex(/^[A-Z]\d{2}$/, { message: 'forløpskoden må være en bokstav og to sifre, som D11' })
            .nullable()
            .optional(),
          events: z
            .partialRecord(
              z.enum(EVENT_TYPES, { error: 'ukjent hendelse' }),
              z
                .string()
                .regex(/^[A-Z]{1,2}$/, { message: 'hendelseskoden må være én eller to store bokstaver' })
                .nullable(),
            )
            .optional(),
        })
        .strict()
        .optional(),
      times: z
        .array(packTime, { error: 'forløpstidene mangler' })
        .min(1, { message: 'forløpet må ha minst én forløpstid' })
        .max(60, { message: 'høyst 60 forløpstider per forløp' }),
    })
    .strict(),
);

export const rulePackFileSchema = lazySchema(() =>
  z
    .object({
      format: z.literal(RULE_PACK_FORMAT, { error: 'filen er ikke en regelpakke for Forløpsbenk' }),
      formatVersion: z.literal(RULE_PACK_FORMAT_VERSION, { error: 'ukjent versjon av regelpakkeformatet' }),
      id: z
        .string({ error: 'pakkens id mangler' })
        .regex(/^[a-z0-9][a-z0-9-]{2,60}$/, { message: 'pakkens id kan bare ha små bokstaver, sifre og bindestrek' }),
      title: text('tittel', 200),
      publisher: text('utgiver', 200),
      validFrom: date('gjelder fra'),
      source: text('kilde', 500),
      pathways: z
        .array(packPathway, { error: 'forløpene mangler' })
        .min(1, { message: 'pakken må ha minst ett forløp' })
        .max(20, { message: 'høyst 20 forløp' }),
    })
    .strict(),
);

export type RulePackFile = z.output<typeof rulePackFileSchema>;

/** Pairs of events a pathway time may run between (what the clock can measure). */
export const PACK_TIME_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['start', 'first_attendance'],
  ['first_attendance', 'clinical_decision'],
  ['clinical_decision', 'evaluation'],
  ['evaluation', 'evaluation'],
  ['detox_end', 'follow_on_treatment'],
];

const PART: Record<string, string> = { pathways: 'forløp', times: 'forløpstid' };

/** Where in the file: "Forløp 2, forløpstid 3, days" — positions counted from 1, never the file's values. */
function where(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    const next = path[i + 1];
    if (PART[key] && typeof next === 'number') {
      parts.push(`${PART[key]} ${next + 1}`);
      i++;
    } else parts.push(`«${key}»`);
  }
  const s = parts.join(', ');
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : 'Pakken';
}

/** Parses and checks a pack file: the pack, or Norwegian sentences saying what is wrong and where. */
export function parseRulePackFile(content: string): { ok: true; pack: RulePackFile } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, problems: ['Filen er ikke gyldig JSON. Velg regelpakkefilen slik den ble lastet ned.'] };
  }
  const parsed = rulePackFileSchema.safeParse(json);
  if (!parsed.success) {
    // An unknown field is named by position only: the file's own words are never repeated.
    const problems = parsed.error.issues.slice(0, 20).map((i) => `${where(i.path)}: ${i.code === 'unrecognized_keys' ? 'ukjent felt' : i.message}.`);
    return { ok: false, problems: [...new Set(problems)] };
  }
  const problems: string[] = [];
  const seenTypes = new Set<string>();
  parsed.data.pathways.forEach((p, pi) => {
    if (seenTypes.has(p.pathwayType)) problems.push(`Forløp ${pi + 1}: forløpstypen står to ganger i pakken.`);
    seenTypes.add(p.pathwayType);
    const seen = new Set<string>();
    p.times.forEach((t, ti) => {
      const at = `Forløp ${pi + 1}, forløpstid ${ti + 1}`;
      if (!PACK_TIME_PAIRS.some(([f, to]) => f === t.fromEvent && to === t.toEvent))
        problems.push(`${at}: forløpstiden må gå mellom to hendelser klokken kan måle.`);
      if (t.fromEvent === 'detox_end' && p.pathwayType !== 'tsb') problems.push(`${at}: avrusning finnes bare i TSB-forløpet.`);
      const key = `${t.setting}/${t.fromEvent}-${t.toEvent}/${t.variant ?? ''}`;
      if (seen.has(key)) problems.push(`${at}: samme forløpstid står to ganger.`);
      seen.add(key);
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.data };
}
