import { Modal, Table } from '@navikt/ds-react';
import { useUi } from '../../stores/ui';
import { SCREENS } from './screens';

const GENERAL: [string, string][] = [
  ['/', 'Søk'],
  ['n', 'Ny henvisning'],
  ['↑ ↓ eller j k', 'Flytt i listen'],
  ['Enter', 'Åpne valgt pasient'],
  ['Esc', 'Lukk eller gå tilbake'],
  ['?', 'Vis hurtigtaster'],
];

export function ShortcutsDialog() {
  const open = useUi((s) => s.shortcutsOpen);
  const toggle = useUi((s) => s.shortcutsToggled);
  const rows: [string, string][] = [...GENERAL, ...SCREENS.map((s): [string, string] => [`g ${s.key}`, `Gå til ${s.label}`])];
  return (
    <Modal open={open} onClose={() => toggle(false)} header={{ heading: 'Hurtigtaster' }} width="small">
      <Modal.Body>
        <Table size="small">
          <Table.Body>
            {rows.map(([key, what]) => (
              <Table.Row key={key}>
                <Table.DataCell>
                  <kbd>{key}</kbd>
                </Table.DataCell>
                <Table.DataCell>{what}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Modal.Body>
    </Modal>
  );
}
