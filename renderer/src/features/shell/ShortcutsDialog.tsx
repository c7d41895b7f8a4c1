import { Heading, Modal, Table } from '@navikt/ds-react';
import { useUi } from '../../stores/ui';
import { EVENT_KEYS } from '../pathways/EventDialog';
import { SCREENS } from './screens';
import { useNewActionState } from './new-action';

type Keys = [string, string][];

/** What the keys do on each screen (`?` shows the current screen's first). Keep in step with the screens' handlers. */
const SCREEN_KEYS: Record<string, Keys> = {
  worklist: [
    ['/', 'Søk i arbeidslisten'],
    ['n', 'Ny henvisning'],
    ['↑ ↓ eller j k', 'Flytt i listen'],
    ['Enter', 'Åpne valgt pasient'],
    ...EVENT_KEYS.map(({ key, label }): [string, string] => [key, `Registrer ${label.toLowerCase()}`]),
    ['r', 'Årsak til overskridelse'],
  ],
  'no-show': [
    ['/', 'Søk i køen'],
    ['↑ ↓ eller j k', 'Flytt i listen'],
    ['Enter', 'Åpne saken'],
  ],
  meetings: [
    ['← →', 'Forrige / neste uke'],
    ['↑ ↓ eller j k', 'Flytt mellom møtene'],
    ['Enter', 'Åpne møtet'],
  ],
  plans: [
    ['↑ ↓ eller j k', 'Flytt i listen'],
    ['Enter', 'Åpne planen'],
  ],
  contacts: [['/', 'Søk i kontaktlisten']],
  patient: [['Esc', 'Tilbake til listen']],
};

const GENERAL: Keys = [
  ['n', 'Ny henvisning (der skjermen ikke har sin egen «ny»)'],
  ['Esc', 'Lukk, gå tilbake, eller forlat et felt'],
  ['Ctrl+Enter', 'Lagre skjemaet du står i'],
  ['?', 'Vis hurtigtaster'],
];

function KeyTable({ label, rows }: { label: string; rows: Keys }) {
  return (
    <Table size="small" aria-label={label}>
      <Table.Body>
        {rows.map(([key, what]) => (
          <Table.Row key={`${key}-${what}`}>
            <Table.DataCell style={{ width: 130 }}>
              <kbd>{key}</kbd>
            </Table.DataCell>
            <Table.DataCell>{what}</Table.DataCell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export function ShortcutsDialog() {
  const open = useUi((s) => s.shortcutsOpen);
  const toggle = useUi((s) => s.shortcutsToggled);
  const route = useUi((s) => s.route);
  const screenId = 'patientId' in route ? 'patient' : route.screen;
  const screenLabel = screenId === 'patient' ? 'Pasientsiden' : (SCREENS.find((s) => s.id === screenId)?.label ?? '');
  // `n` as the screen (or the patient's open tab) registered it (shell/new-action.ts).
  const newLabel = useNewActionState((s) => s.label);
  const here: Keys = [...(newLabel ? [['n', newLabel] as [string, string]] : []), ...(SCREEN_KEYS[screenId] ?? [])];
  const moves: Keys = SCREENS.map((s): [string, string] => [`g ${s.key}`, `Gå til ${s.label}`]);
  return (
    <Modal open={open} onClose={() => toggle(false)} header={{ heading: 'Hurtigtaster' }} width="small">
      <Modal.Body>
        {here.length > 0 && (
          <>
            <Heading level="2" size="xsmall" spacing>
              På {screenLabel}
            </Heading>
            <KeyTable label={`Hurtigtaster på ${screenLabel}`} rows={here} />
          </>
        )}
        <Heading level="2" size="xsmall" spacing style={{ marginTop: 12 }}>
          Overalt
        </Heading>
        <KeyTable label="Hurtigtaster overalt" rows={[...GENERAL, ...moves]} />
      </Modal.Body>
    </Modal>
  );
}
