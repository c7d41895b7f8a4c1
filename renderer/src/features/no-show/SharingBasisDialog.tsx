import { Radio } from '@navikt/ds-react';
import { noShowContract } from '../../../../shared/contract/no-show';
import type { Output } from '../../../../shared/contract';
import { FormDialog } from '../../components/FormDialog';
import { RadioGroupInput, TextInput } from '../../forms/fields';
import { useContractForm } from '../../forms/useContractForm';

interface Form {
  sharingBasis: '' | 'consent' | 'other_basis';
  sharingBasisNote: string;
}

/**
 * Before a letter to the municipal coordinator (issue #13): the patient's consent, or another legal basis
 * named in words. The service refuses the letter without one; the letter states it. Makes the letter.
 */
export function SharingBasisDialog({
  caseId,
  onClose,
  onCreated,
}: {
  caseId: number;
  onClose: () => void;
  onCreated: (letter: Output<'noShow.createLetter'>) => void;
}) {
  const form = useContractForm({
    method: 'noShow.createLetter',
    schema: noShowContract['noShow.createLetter'].input,
    defaultValues: { sharingBasis: '', sharingBasisNote: '' } as Form,
    toInput: (f: Form) => ({
      caseId,
      recipient: 'municipal_coordinator',
      sharingBasis: f.sharingBasis === '' ? null : f.sharingBasis,
      sharingBasisNote: f.sharingBasis === 'other_basis' ? f.sharingBasisNote : '',
    }),
    // The basis is asked here before the service would refuse it.
    check: (f): Record<string, string> => {
      if (f.sharingBasis === '') return { sharingBasis: 'Velg grunnlag for å dele opplysninger med kommunen' };
      if (f.sharingBasis === 'other_basis' && f.sharingBasisNote.trim() === '') return { sharingBasisNote: 'Skriv hvilket grunnlag som gir adgang til å dele' };
      return {};
    },
    onSaved: (letter) => onCreated(letter),
  });
  const { control, watch } = form;
  return (
    <FormDialog form={form} open onClose={onClose} heading="Grunnlag for å dele med kommunen" submitLabel="Lag brevet" width="small">
      <RadioGroupInput control={control} name="sharingBasis" legend="Hva gir adgang til å dele opplysninger med kommunen?">
        <Radio value="consent">Pasienten har samtykket</Radio>
        <Radio value="other_basis">Annet rettslig grunnlag</Radio>
      </RadioGroupInput>
      {watch('sharingBasis') === 'other_basis' && <TextInput control={control} name="sharingBasisNote" label="Grunnlag" maxLength={200} />}
    </FormDialog>
  );
}
