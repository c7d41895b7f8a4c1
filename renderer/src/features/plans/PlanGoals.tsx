import { PencilIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { Button, TextField } from '@navikt/ds-react';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../../../../shared/domain/time';
import { call } from '../../api/client';
import { firstMessage } from '../../api/field-errors';
import { Empty, Sec, type Act, type OpenDialog, type Plan } from './plan-parts';

/** Inline "add a resource / need": one field and a button. */
function AddItem({ label, onAdd }: { label: string; onAdd: (text: string) => Promise<string | null> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await onAdd(text);
    if (err) setError(err);
    else {
      setText('');
      setError(undefined);
    }
  };
  return (
    <form className="plan-add" onSubmit={(e) => void submit(e)} aria-label={label}>
      <TextField size="small" label={label} hideLabel value={text} onChange={(e) => setText(e.target.value)} error={error} htmlSize={36} />
      <Button size="small" variant="secondary" type="submit" icon={<PlusIcon aria-hidden />}>
        {label.replace(/^Ny(tt)? /, 'Legg til ')}
      </Button>
    </form>
  );
}

/** Section 1: the patient's goals in their own words, and their resources and needs. */
export function PlanGoals({ patientId, plan, open, act }: { patientId: number; plan: Plan; open: OpenDialog; act: Act }) {
  return (
    <Sec
      no={1}
      action={
        <Button size="xsmall" variant="tertiary" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: 'goal', item: null })}>
          Nytt mål
        </Button>
      }
    >
      <div className="plan-label">Mål – med pasientens egne ord</div>
      {plan.goals.length === 0 ? (
        <Empty>Ingen mål ennå.</Empty>
      ) : (
        <ol className="plan-goals">
          {plan.goals.map((g) => (
            <li key={g.id}>
              <span className="plan-goal-text">«{g.text}»</span>
              {g.targetDate && <span className="muted"> innen {formatDate(g.targetDate)}</span>}
              <span className="plan-row-actions">
                <Button
                  size="xsmall"
                  variant="tertiary"
                  onClick={() => open({ kind: 'goal', item: g })}
                  aria-label={`Endre målet ${g.text}`}
                  icon={<PencilIcon aria-hidden />}
                />
                <Button
                  size="xsmall"
                  variant="tertiary-neutral"
                  aria-label={`Fjern målet ${g.text}`}
                  icon={<TrashIcon aria-hidden />}
                  onClick={() =>
                    open({
                      kind: 'confirm',
                      text: `Fjerne målet «${g.text}»? Tiltak knyttet til målet beholdes.`,
                      action: () => act(call('plans.removeGoal', { patientId, id: g.id })),
                    })
                  }
                />
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="plan-two">
        {(['resource', 'need'] as const).map((kind) => {
          const items = kind === 'resource' ? plan.resources : plan.needs;
          const label = kind === 'resource' ? 'Ressurser' : 'Behov';
          return (
            <div key={kind}>
              <div className="plan-label">{label}</div>
              {items.length === 0 ? (
                <Empty>Ingen registrert.</Empty>
              ) : (
                <ul className="plan-list">
                  {items.map((it) => (
                    <li key={it.id}>
                      {it.text}
                      <Button
                        size="xsmall"
                        variant="tertiary-neutral"
                        aria-label={`Fjern ${it.text}`}
                        icon={<TrashIcon aria-hidden />}
                        onClick={() => void act(call('plans.removeItem', { patientId, kind, id: it.id }))}
                      />
                    </li>
                  ))}
                </ul>
              )}
              <AddItem
                label={kind === 'resource' ? 'Ny ressurs' : 'Nytt behov'}
                onAdd={async (text) => {
                  const res = await call('plans.saveItem', { patientId, kind, item: { text } });
                  return res.ok ? null : firstMessage(res.error);
                }}
              />
            </div>
          );
        })}
      </div>
    </Sec>
  );
}
