import { Heading } from '@navikt/ds-react';
import { SETTINGS_SECTIONS } from './sections';

/** Innstillinger: one section per feature (profile, policies, templates, backups…), in the order of sections.tsx. */
export function SettingsScreen() {
  return (
    <section aria-labelledby="settings-title">
      <Heading level="1" size="medium" id="settings-title" spacing>
        Innstillinger
      </Heading>
      {SETTINGS_SECTIONS.map(({ id, title, Component }) => (
        <section key={id} aria-labelledby={`settings-${id}`} style={{ marginBottom: 28 }}>
          <Heading level="2" size="small" id={`settings-${id}`} spacing>
            {title}
          </Heading>
          <Component />
        </section>
      ))}
    </section>
  );
}
