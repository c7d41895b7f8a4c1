import { Tag } from '@navikt/ds-react';
import type { Pathway } from '../../../../shared/contract/patients';
import { useContractQuery } from '../../api/query';

/**
 * The interpreter need in the patient header, on every tab: from the latest pathway (recorded at first attendance,
 * carried over by a transfer). Nothing when not needed or not recorded.
 */
export function InterpreterTag({ pathways }: { pathways: Pathway[] }) {
  const latest = [...pathways].sort((a, b) => (a.referralReceived === b.referralReceived ? b.id - a.id : a.referralReceived < b.referralReceived ? 1 : -1))[0];
  const { data } = useContractQuery('pathwayCare.get', { pathwayId: latest?.id ?? 0 }, { enabled: latest !== undefined });
  if (!data || data.interpreter !== 'needed') return null;
  return (
    <Tag size="xsmall" variant="alt1">
      Trenger tolk: {data.interpreterLanguage}
    </Tag>
  );
}
