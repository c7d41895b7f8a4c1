import type { Dispatch } from '../dispatch';
import type { DbHandle } from '../db/open';
import { GPS } from './names';

/**
 * The demo directory of collaboration partners, written through the contract: the patients' GP offices and a
 * coordinating unit for each municipality the caseload lives in.
 */
export async function seedContacts(dispatch: Dispatch, handle: DbHandle): Promise<number> {
  const call = async (input: Record<string, unknown>) => {
    const res = await dispatch('contacts.save', input);
    if (!res.ok) throw new Error(`seed contacts.save: ${res.error.code} ${res.error.message}`);
  };
  let count = 0;
  for (const gp of GPS) {
    await call({
      name: gp.name,
      role: 'gp',
      organisation: gp.name,
      municipalityNumber: gp.municipalityNumber,
      phone: '22 00 10 00',
      email: '',
      address: gp.address,
      postalCode: gp.postalCode,
      postalPlace: gp.postalPlace,
    });
    count++;
  }
  const places = handle.sqlite
    .prepare(
      'select distinct p.municipality_number as number, m.name as name, p.postal_code as code, p.postal_place as place from patient p join municipality m on m.number = p.municipality_number group by p.municipality_number',
    )
    .all() as { number: string; name: string; code: string; place: string }[];
  for (const m of places) {
    await call({
      name: `Koordinerende enhet ${m.name}`,
      role: 'coordinating_unit',
      organisation: `${m.name} kommune`,
      municipalityNumber: m.number,
      phone: '22 00 20 00',
      email: '',
      address: 'Rådhuset',
      postalCode: m.code,
      postalPlace: m.place,
    });
    count++;
  }
  return count;
}
