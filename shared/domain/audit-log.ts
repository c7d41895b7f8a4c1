/**
 * Pure helpers for the audit log viewer and its exports: Norwegian labels for actions, the Oslo day
 * boundaries of a period, and CSV cells that a spreadsheet cannot mistake for a formula.
 */

const ENTITY_LABELS: Record<string, string> = {
  patient: 'pasient',
  pathway: 'forløp',
  pathway_event: 'forløpshendelse',
  pathwayEvent: 'forløpshendelse',
  pathway_breach: 'årsak til fristbrudd',
  profile: 'profil',
  worklist: 'arbeidsliste',
  appointment: 'time',
  no_show: 'ikke møtt',
  noShow: 'ikke møtt',
  no_show_case: 'oppfølging etter ikke møtt',
  contact_attempt: 'kontaktforsøk',
  letter: 'brev',
  letter_template: 'brevmal',
  meeting: 'samarbeidsmøte',
  meeting_action_item: 'oppgave fra møte',
  plan: 'individuell plan',
  individual_plan: 'individuell plan',
  plan_goal: 'mål i individuell plan',
  plan_measure: 'tiltak i individuell plan',
  plan_participant: 'deltaker i individuell plan',
  plan_progress_note: 'notat i individuell plan',
  plan_version: 'versjon av individuell plan',
  contact: 'kontakt',
  municipality: 'kommuneliste',
  rule_version: 'regelversjon',
  backup: 'sikkerhetskopi',
  setting: 'innstilling',
  app_setting: 'innstilling',
  lock: 'lås',
  audit: 'logg',
};

/** Every action the app logs, as a person (or the patient reading their own log) says it. */
const KNOWN: Record<string, string> = {
  'patient.open': 'Åpnet pasientsiden',
  'patient.create': 'Registrerte pasient',
  'patient.update': 'Endret pasientens opplysninger',
  'patient.compare': 'Så lagrede pasientopplysninger (ny henvisning)',
  'patient.search': 'Søkte etter pasient',
  'patient.revealNationalId': 'Viste hele fødselsnummeret',
  'patient.printSummary': 'Skrev ut pasientoversikten',
  'patient.delete': 'Slettet pasient (oppbevaringstid ute)',
  'pathway.create': 'Registrerte forløp (henvisning)',
  'pathway.open': 'Åpnet forløpet',
  'pathway.explain': 'Så forklaringen av fristene',
  'pathway.assess': 'Registrerte vurdering av henvisningen',
  'pathway.transfer': 'Avsluttet forløpet som overført',
  'pathway.treatmentPlan': 'Registrerte behandlingsplan utarbeidet med pasienten',
  'evaluation.dismiss': 'Avviste forslag om evaluering',
  'pathway.breachReason': 'Registrerte årsak til fristbrudd',
  'pathway.moveRuleVersion': 'Flyttet forløpet til en annen regelversjon',
  'pathwayEvent.record': 'Registrerte forløpshendelse',
  'pathwayEvent.correct': 'Rettet forløpshendelse',
  'pathwayEvent.withdraw': 'Trakk tilbake forløpshendelse',
  'worklist.search': 'Søkte i arbeidslisten',
  'appointment.create': 'Satte opp time',
  'appointment.update': 'Flyttet eller rettet time',
  'appointment.attended': 'Registrerte at pasienten møtte',
  'appointment.no_show': 'Registrerte at pasienten ikke møtte',
  'appointment.cancelled_patient': 'Registrerte time avlyst av pasienten',
  'appointment.cancelled_service': 'Registrerte time avlyst av behandler',
  'appointment.undoNoShow': 'Angret «ikke møtt»',
  'noShowCase.open': 'Startet oppfølging etter ikke møtt',
  'noShowCase.view': 'Åpnet oppfølging etter ikke møtt',
  'noShowCase.close': 'Avsluttet oppfølging etter ikke møtt',
  'noShowCase.escalate': 'Meldte oppfølging etter ikke møtt til behandler',
  'noShowCase.answer': 'Registrerte behandlerens svar',
  'noShowCase.postponed': 'Registrerte pasientutsatt',
  'noShowCase.withdraw': 'Angret oppfølging etter ikke møtt',
  'noShow.search': 'Søkte i listen over ikke møtt',
  'noShow.policy.save': 'Endret rutinen for ikke møtt',
  'contactAttempt.create': 'Registrerte kontaktforsøk',
  'letter.create': 'Laget brev',
  'letter.view': 'Så brev',
  'letter.print': 'Skrev ut brev',
  'letterTemplate.save': 'Endret brevmal',
  'letterTemplate.reset': 'Tilbakestilte brevmal',
  'meeting.create': 'Satte opp samarbeidsmøte',
  'meeting.open': 'Åpnet samarbeidsmøte',
  'meeting.update': 'Endret samarbeidsmøte',
  'meeting.cancel': 'Avlyste samarbeidsmøte',
  'meeting.saveAgenda': 'Endret dagsorden',
  'meeting.printAgenda': 'Skrev ut dagsorden',
  'meeting.saveMinutes': 'Skrev referat',
  'meeting.finalizeMinutes': 'Godkjente referat',
  'meeting.printMinutes': 'Skrev ut referat',
  'meeting.exportIcs': 'Lagret møteinvitasjon',
  'meeting.actionItemDone': 'Endret oppgave fra møte',
  'meetings.saveTemplate': 'Endret mal for dagsorden',
  'meetings.resetTemplate': 'Tilbakestilte mal for dagsorden',
  'meetings.savePrintPrivacy': 'Endret personvern for utskrift av møter',
  'plan.open': 'Åpnet individuell plan',
  'plan.create': 'Opprettet individuell plan',
  'plan.update': 'Endret individuell plan',
  'plan.print': 'Skrev ut individuell plan',
  'plan.version.open': 'Åpnet en tidligere versjon av individuell plan',
  'plan.revision': 'Fullførte revisjon av individuell plan',
  'plan.consent.save': 'Registrerte samtykke i individuell plan',
  'plan.participant.save': 'Endret deltaker i individuell plan',
  'plan.participant.remove': 'Fjernet deltaker fra individuell plan',
  'plan.goal.save': 'Endret mål i individuell plan',
  'plan.goal.remove': 'Fjernet mål fra individuell plan',
  'plan.resource.save': 'Endret ressurs i individuell plan',
  'plan.resource.remove': 'Fjernet ressurs fra individuell plan',
  'plan.need.save': 'Endret behov i individuell plan',
  'plan.need.remove': 'Fjernet behov fra individuell plan',
  'plan.measure.save': 'Endret tiltak i individuell plan',
  'plan.measure.remove': 'Fjernet tiltak fra individuell plan',
  'plan.measure.status': 'Endret status for tiltak i individuell plan',
  'plan.measure.note': 'Skrev notat til tiltak i individuell plan',
  'plan.measure.fromAction': 'Laget tiltak i individuell plan fra møteoppgave',
  'contact.create': 'Registrerte kontakt',
  'contact.update': 'Endret kontakt',
  'contact.delete': 'Slettet kontakt',
  'contacts.import': 'Importerte kontakter',
  'contacts.export': 'Eksporterte kontakter',
  'municipalities.load': 'Lastet inn kommuneliste',
  'rules.addLocalVersion': 'La til lokal regelversjon',
  'rules.withdrawLocalVersion': 'Trakk tilbake lokal regelversjon',
  'settings.calendar': 'Endret kalenderinnstillinger',
  'profile.save': 'Endret profil',
  'audit.exportCsv': 'Eksporterte loggen (CSV)',
  'audit.print': 'Skrev ut loggen',
  'backup.create': 'Tok sikkerhetskopi',
  'backup.restore': 'Gjenopprettet fra sikkerhetskopi',
  'retention.delete': 'Slettet pasienter etter oppbevaringstid',
  'settings.save': 'Endret innstillinger',
  'lock.setPin': 'Satte PIN-kode',
  'lock.unlock': 'Låste opp',
  'lock.unlockFailed': 'Feil PIN-kode',
  'lock.lock': 'Låste vinduet',
  'audit.anchorMissing': 'Loggens anker utenfor databasen manglet ved oppstart',
  'audit.imported': 'Loggen fra en lokal fil ble flyttet inn i teamlageret',
  'rules.setSwitchDate': 'Endret startdato for en regelversjon',
  'registration.markDone': 'Markerte en hendelse som registrert i journalsystemet',
  'registration.undo': 'Angret registrering i journalsystemet',
  'registration.exportCsv': 'Eksporterte listen til registrering i journalsystemet',
  // Issue #13 §2: coordination records beside the pathway.
  'referrer.create': 'Registrerte henviser',
  'referrer.update': 'Endret henviser',
  'guardian.create': 'Registrerte foresatt',
  'guardian.update': 'Endret foresatt',
  'guardian.delete': 'Fjernet foresatt',
  'patientContact.create': 'Registrerte kontakt for pasienten',
  'patientContact.update': 'Endret kontakt for pasienten',
  'patientContact.delete': 'Fjernet kontakt for pasienten',
  'pathwayCare.save': 'Endret tolkebehov eller graviditet i forløpet',
  'breach.helfoNotified': 'Registrerte at Helfo er varslet om fristbrudd',
  'breach.postponement': 'Registrerte utsettelse fra pasienten mot fristen',
  'breach.letter': 'Laget brev om fristbrudd',
};

/** Whether an action code has its own Norwegian text (a test keeps every logged action in this list). */
export function isKnownAuditAction(action: string): boolean {
  return Object.hasOwn(KNOWN, action);
}

const VERBS: [RegExp, string][] = [
  [/\.(open|get|view|explain)$/i, 'Åpnet'],
  [/\.(create|add|record|book|register)/i, 'Registrerte'],
  [/\.(delete|remove)/i, 'Slettet'],
  [/\.(search|list)/i, 'Søkte i'],
  [/\.(print)/i, 'Skrev ut'],
  [/\.(export)/i, 'Eksporterte'],
  [/\.(import)/i, 'Importerte'],
];

/** What a person reads for an action code: plain Norwegian, never the code itself. */
export function auditActionLabel(action: string, entity: string): string {
  const known = KNOWN[action];
  if (known) return known;
  const noun = auditEntityLabel(entity);
  for (const [re, verb] of VERBS) if (re.test(action)) return `${verb} ${noun}`;
  return `Endret ${noun}`;
}

export function auditEntityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? 'opplysning';
}

/** A cell a spreadsheet shows as text: a leading = + - @ (or tab/CR) would otherwise start a formula. */
export function csvSafeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
