import type { ComponentType } from 'react';
import type { Pathway, Patient } from '../../../../shared/contract/patients';
import { PathwaysSection } from './PathwaysSection';

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
export const PATIENT_SECTIONS: PatientSectionDef[] = [{ id: 'pathways', label: 'Forløp', Component: PathwaysSection }];
