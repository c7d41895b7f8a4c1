import type { ComponentType } from 'react';
import type { Pathway, Patient } from '../../../../shared/contract/patients';
import { PathwaysSection } from './PathwaysSection';
import { AppointmentsSection } from '../appointments/AppointmentsSection';
import { NoShowSection } from '../no-show/NoShowSection';
import { PlanSection } from '../plans/PlanSection';
import { PatientMeetingsSection } from '../meetings/PatientMeetingsSection';
import { PatientContactsSection } from '../contacts/PatientContactsSection';
import { PatientLogSection } from '../trust/PatientLogSection';
import { ReferrerSection } from '../coordination/ReferrerSection';
import { FamilySection } from '../coordination/FamilySection';
import { DeadlineSection } from '../coordination/DeadlineSection';

export interface PatientSectionProps {
  patient: Patient;
  pathways: Pathway[];
}

export interface PatientSectionDef {
  id: string;
  label: string;
  Component: ComponentType<PatientSectionProps>;
}

/**
 * The patient page's sections, the same every time (UI.md): Forløp, Timer, Ikke møtt, Møter,
 * Individuell plan, Kontakter, Logg. Each feature adds its section here, in that order.
 */
export const PATIENT_SECTIONS: PatientSectionDef[] = [
  { id: 'pathways', label: 'Forløp', Component: PathwaysSection },
  { id: 'appointments', label: 'Timer', Component: AppointmentsSection },
  { id: 'no-show', label: 'Ikke møtt', Component: NoShowSection },
  { id: 'meetings', label: 'Møter', Component: PatientMeetingsSection },
  { id: 'plan', label: 'Individuell plan', Component: PlanSection },
  { id: 'contacts', label: 'Kontakter', Component: PatientContactsSection },
  { id: 'deadline', label: 'Frist', Component: DeadlineSection },
  { id: 'referrer', label: 'Henviser', Component: ReferrerSection },
  { id: 'family', label: 'Pårørende', Component: FamilySection },
  { id: 'log', label: 'Logg', Component: PatientLogSection },
];
