import { z } from './zod-nb';
import { lazySchema } from './lazy-schema';
import { method, writes, query } from './method';
import { isoDate } from './fields';
import { PATHWAY_TYPE_IDS, SETTING_IDS } from '../domain/pathway-types';
import { CONFIDENCES, EVENT_TYPES } from './pathways';

/** What a change in this area makes stale beyond the area itself (MethodFacts.invalidates). */
const write = writes(['pathways', 'worklist', 'overview', 'report']);

export const ruleTimeViewSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    setting: z.enum(SETTING_IDS),
    fromEvent: z.enum(EVENT_TYPES),
    fromLabel: z.string(),
    toEvent: z.enum(EVENT_TYPES),
    toLabel: z.string(),
    days: z.number(),
    unit: z.enum(['calendar', 'working']),
    confidence: z.enum(CONFIDENCES),
    source: z.string(),
    note: z.string().nullable(),
    variant: z.enum(['severe', 'less_severe']).nullable(),
    /** Repeating times only: the repetition stops this many days after the clinical decision (TSB: 365). */
    repeatWithinDays: z.number().nullable(),
  }),
);
export type RuleTimeView = z.infer<typeof ruleTimeViewSchema>;

export const ruleVersionViewSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    pathwayType: z.enum(PATHWAY_TYPE_IDS),
    origin: z.enum(['national', 'local']),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    clockStart: z.enum(['referral_received', 'referral_assessed']),
    source: z.string(),
    /** Whether the start date (switch date) is sourced; 'unconfirmed' can be changed with rules.setSwitchDate. */
    validFromConfidence: z.enum(CONFIDENCES),
    validFromNote: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawnReason: z.string().nullable(),
    /** The version a pathway starting today gets. */
    inForceToday: z.boolean(),
    openPathways: z.number(),
    times: z.array(ruleTimeViewSchema),
  }),
);
export type RuleVersionView = z.infer<typeof ruleVersionViewSchema>;

export const localTimeInputSchema = lazySchema(() =>
  z.object({
    setting: z.enum(SETTING_IDS),
    fromEvent: z.enum(EVENT_TYPES),
    toEvent: z.enum(EVENT_TYPES),
    days: z
      .number({ error: 'Skriv antall dager' })
      .int({ message: 'Skriv et helt antall dager' })
      .min(0, { message: 'Antall dager kan ikke være negativt' })
      .max(730, { message: 'Høyst 730 dager' }),
    unit: z.enum(['calendar', 'working']),
    variant: z.enum(['severe', 'less_severe']).nullable().default(null),
    note: z.string().max(300).nullable().default(null),
  }),
);

export const localVersionInputSchema = lazySchema(() =>
  z.object({
    pathwayType: z.enum(PATHWAY_TYPE_IDS, { error: 'Velg forløpstype' }),
    validFrom: isoDate('Gjelder fra'),
    clockStart: z.enum(['referral_received', 'referral_assessed']),
    source: z
      .string({ error: 'Skriv lokal kilde' })
      .max(300, { message: 'Teksten kan ikke være lengre enn 300 tegn' })
      .transform((s) => s.trim())
      .refine((s) => s.length > 0, { message: 'Skriv lokal kilde (for eksempel vedtak eller prosedyre)' }),
    times: z.array(localTimeInputSchema).max(60),
  }),
);
export type LocalVersionInput = z.input<typeof localVersionInputSchema>;

const packFileInput = lazySchema(() =>
  z.object({
    fileName: z.string({ error: 'Velg en regelpakkefil' }).min(1, { message: 'Velg en regelpakkefil' }).max(200, { message: 'Filnavnet er for langt' }),
    content: z
      .string({ error: 'Velg en regelpakkefil' })
      .min(2, { message: 'Filen er tom' })
      .max(500_000, { message: 'Filen er for stor til å være en regelpakke' }),
  }),
);
const change = lazySchema(() => z.enum(['added', 'changed', 'removed']));
const packDiffSchema = lazySchema(() =>
  z.object({
    pathwayType: z.enum(PATHWAY_TYPE_IDS),
    label: z.string(),
    replaces: z.object({ id: z.string(), validFrom: z.string() }).nullable(),
    clockStart: z.object({ before: z.string().nullable(), after: z.string() }).nullable(),
    times: z.array(z.object({ change, label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
    unchanged: z.number(),
    codes: z.array(z.object({ change, label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  }),
);

export const rulesContract = {
  'rules.list': method(
    () => z.object({}).optional(),
    () =>
      z.object({
        today: z.string(),
        pathways: z.array(
          z.object({
            pathwayType: z.enum(PATHWAY_TYPE_IDS),
            code: z.string().nullable(),
            label: z.string(),
            events: z.array(
              z.object({
                type: z.enum(EVENT_TYPES),
                label: z.string(),
                code: z.string().nullable(),
                codeConfidence: z.enum(CONFIDENCES),
                maxPerPathway: z.number().nullable(),
              }),
            ),
            versions: z.array(ruleVersionViewSchema),
          }),
        ),
        outcomes: z.array(z.object({ code: z.string(), label: z.string() })),
      }),
    query(),
  ),
  'rules.addLocalVersion': method(
    () => localVersionInputSchema,
    () => z.object({ id: z.string() }),
    write(),
  ),
  'rules.withdrawLocalVersion': method(
    () =>
      z.object({
        versionId: z.string().min(1).max(100),
        reason: z
          .string()
          .max(300)
          .transform((s) => s.trim())
          .refine((s) => s.length > 0, { message: 'Skriv hvorfor versjonen trekkes tilbake' }),
      }),
    () => z.object({ moved: z.number() }),
    write(),
  ),
  /** Moves every open pathway of the version's type onto it (each move logged). */
  'rules.moveOpenPathways': method(
    () => z.object({ versionId: z.string().min(1).max(100) }),
    () => z.object({ moved: z.number() }),
    write(),
  ),
  /** Changes an unconfirmed national switch date (e.g. the 2024-01-01 start rule), with the unit's source (logged). */
  'rules.setSwitchDate': method(
    () =>
      z.object({
        versionId: z.string().min(1).max(100),
        validFrom: isoDate('Gjelder fra'),
        source: z
          .string({ error: 'Skriv kilde for datoen' })
          .max(300, { message: 'Teksten kan ikke være lengre enn 300 tegn' })
          .transform((s) => s.trim())
          .refine((s) => s.length > 0, { message: 'Skriv kilde for datoen' }),
      }),
    () => z.object({ id: z.string() }),
    write(),
  ),
  /** Checks a national rule pack file and shows what it changes against the versions in force (nothing is stored). */
  'rules.previewPack': method(
    () => packFileInput,
    () =>
      z.object({
        packId: z.string(),
        title: z.string(),
        publisher: z.string(),
        validFrom: z.string(),
        source: z.string(),
        fileName: z.string(),
        sha256: z.string(),
        diffs: z.array(packDiffSchema),
        /** Set when the pack changes codes but is dated later than today: it cannot be imported yet. */
        codesRefused: z.string().nullable(),
      }),
    query(),
  ),
  /** Imports the pack: new national versions from its date for new pathways; records who, when and the file's hash (logged). */
  'rules.importPack': method(
    () => packFileInput,
    () =>
      z.object({
        importId: z.number(),
        versions: z.array(z.object({ id: z.string(), pathwayType: z.enum(PATHWAY_TYPE_IDS), label: z.string(), openPathways: z.number() })),
      }),
    write(),
  ),
  'rules.listPackImports': method(
    () => z.object({}).optional(),
    () =>
      z.array(
        z.object({
          id: z.number(),
          packId: z.string(),
          title: z.string(),
          publisher: z.string(),
          validFrom: z.string(),
          fileName: z.string(),
          sha256: z.string(),
          importedBy: z.string(),
          importedAt: z.string(),
          versionIds: z.array(z.string()),
        }),
      ),
    query(),
  ),
  'rules.getCalendarSettings': method(
    () => z.object({}).optional(),
    () => z.object({ countSaturdays: z.boolean() }),
    query(),
  ),
  'rules.saveCalendarSettings': method(
    () => z.object({ countSaturdays: z.boolean() }),
    () => z.object({ countSaturdays: z.boolean(), recomputed: z.number() }),
    write(),
  ),
};
