import { BodyShort, Heading, Table } from '@navikt/ds-react';
import { keepPreviousData } from '@tanstack/react-query';
import { READMISSION_WINDOW_MONTHS } from '../../../../shared/domain/readmissions';
import { useContractQuery } from '../../api/query';

/**
 * Svingdørspasienter: referrals received in the period that came within 12 months after an earlier pathway of the
 * same patient ended (count and share). Continuations after an internal transfer are not referrals. Our own
 * measure: no national definition was found.
 */
export function ReadmissionsIndicator({ from, to }: { from: string; to: string }) {
  const { data } = useContractQuery('readmissions.count', { from, to }, { placeholderData: keepPreviousData });
  if (!data) return null;
  const share = data.received > 0 ? Math.round((data.reReferrals / data.received) * 100) : null;
  return (
    <section aria-labelledby="readmissions-title" style={{ marginBottom: 20 }}>
      <Heading level="2" size="small" id="readmissions-title" spacing>
        Henvist på nytt innen {READMISSION_WINDOW_MONTHS} måneder
      </Heading>
      <Table size="small" style={{ maxWidth: 640 }}>
        <Table.Body>
          <Table.Row>
            <Table.HeaderCell scope="row">Nye henvisninger i perioden</Table.HeaderCell>
            <Table.DataCell align="right">{data.received}</Table.DataCell>
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">… av dem henvist på nytt innen {READMISSION_WINDOW_MONTHS} måneder etter et avsluttet forløp</Table.HeaderCell>
            <Table.DataCell align="right">
              <span className="indicator-value">{data.reReferrals}</span>
            </Table.DataCell>
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">Andel</Table.HeaderCell>
            <Table.DataCell align="right" style={{ whiteSpace: 'nowrap' }}>
              {share === null ? '–' : `${share} %`}
            </Table.DataCell>
          </Table.Row>
        </Table.Body>
      </Table>
      <BodyShort size="small" className="muted" style={{ maxWidth: 820, marginTop: 4 }}>
        Eget mål, ikke et nasjonalt tall: ingen nasjonal definisjon er funnet. Et forløp som fortsetter etter en intern overføring, regnes ikke som en ny
        henvisning.
      </BodyShort>
    </section>
  );
}
