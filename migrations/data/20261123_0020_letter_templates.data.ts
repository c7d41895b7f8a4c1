/**
 * The shipped no-show letter templates as rows (paragraphs as stored: a JSON array of strings).
 * A literal copy of what the migration inserted when it shipped (2026-11-23). Frozen: never edit; later data
 * changes ship as new migrations (docs/decisions/0004-rule-packs-as-data.md).
 */
export const LETTER_TEMPLATE_ROWS = [
  {
    "id": "missed_appointment_patient",
    "label": "Ikke møtt – brev til pasienten",
    "recipient": "patient",
    "address": "{{patient.name}}\n{{patient.address}}\n{{patient.postalAddress}}",
    "subject": "Timen din {{appointment.date}} – vi vil gjerne høre fra deg",
    "paragraphs": "[\"Hei, {{patient.name}}\",\"Du hadde time hos oss {{appointment.date}} kl. {{appointment.time}} på {{appointment.place}}. Vi har registrert at du ikke kom til timen.\",\"Det kan være mange grunner til at man ikke kommer til en time. Vi vil gjerne fortsatt gi deg et tilbud.\",\"Ring oss på {{unit.phone}} for å få en ny time. Du kan også ringe koordinatoren din, {{coordinator.name}}, på {{coordinator.phone}}.\",\"Du kan gjerne ta med deg noen du stoler på til timen, for eksempel en pårørende.\",\"Hvis vi ikke hører fra deg innen 14 dager, kan vi avslutte henvisningen. Da gir vi beskjed til den som henviste deg. Du kan bli henvist på nytt senere.\",\"Hvis du trenger hjelp raskt, kan du kontakte fastlegen din eller legevakten på telefon 116 117. Er det fare for liv eller helse, ring 113.\",\"Hvis du er uenig i hvordan vi har fulgt deg opp, har du rett til å klage. Send klagen først til oss: {{unit.name}}, {{unit.address}}. Hvis du ikke er fornøyd med svaret, kan du klage til Statsforvalteren. Retten til å klage står i pasient- og brukerrettighetsloven kapittel 7. Pasient- og brukerombudet kan hjelpe deg med klagen, og det er gratis.\",\"Med vennlig hilsen\\n{{coordinator.name}}\\n{{unit.name}}\"]",
    "updated_at": null
  },
  {
    "id": "case_closed_patient",
    "label": "Avsluttet – brev til pasienten",
    "recipient": "patient",
    "address": "{{patient.name}}\n{{patient.address}}\n{{patient.postalAddress}}",
    "subject": "Henvisningen din er avsluttet",
    "paragraphs": "[\"Hei, {{patient.name}}\",\"Du hadde time hos oss {{appointment.date}} kl. {{appointment.time}}, men kom ikke. Vi har prøvd å få kontakt med deg etter dette, uten å lykkes.\",\"Vi har derfor avsluttet henvisningen din hos {{unit.name}}, og vi har gitt beskjed til den som henviste deg.\",\"Hvis du fortsatt ønsker hjelp fra oss, kan du snakke med fastlegen din om en ny henvisning. Har du spørsmål, kan du ringe oss på {{unit.phone}}.\",\"Hvis du trenger hjelp raskt, kan du kontakte fastlegen din eller legevakten på telefon 116 117. Er det fare for liv eller helse, ring 113.\",\"Hvis du er uenig i hvordan vi har fulgt deg opp, har du rett til å klage. Send klagen først til oss: {{unit.name}}, {{unit.address}}. Hvis du ikke er fornøyd med svaret, kan du klage til Statsforvalteren. Retten til å klage står i pasient- og brukerrettighetsloven kapittel 7. Pasient- og brukerombudet kan hjelpe deg med klagen, og det er gratis.\",\"Med vennlig hilsen\\n{{coordinator.name}}\\n{{unit.name}}\"]",
    "updated_at": null
  },
  {
    "id": "referrer_not_reached",
    "label": "Ikke nådd – brev til henviser/fastlege",
    "recipient": "referrer",
    "address": "{{referrer.name}}",
    "subject": "Tilbakemelding: {{patient.name}} møtte ikke til time",
    "paragraphs": "[\"Vi viser til henvisningen av {{patient.name}} til {{unit.name}}.\",\"Pasienten hadde time hos oss {{appointment.date}} kl. {{appointment.time}}, men møtte ikke.\",\"Dette har vi gjort for å få kontakt med pasienten:\\n{{attempts.summary}}\",\"Per {{today}} har vi ikke fått kontakt. Hvis pasienten ikke tar kontakt med oss innen 14 dager, avslutter vi henvisningen. Pasienten kan henvises på nytt senere.\",\"Vi ber deg vurdere om pasienten trenger oppfølging fra deg. Ta gjerne kontakt hvis du har opplysninger som kan hjelpe oss å nå pasienten, eller hvis du er bekymret for pasienten.\",\"Du når koordinator {{coordinator.name}} på telefon {{coordinator.phone}}, eller oss på {{unit.phone}}.\",\"Med vennlig hilsen\\n{{coordinator.name}}\\n{{unit.name}}\"]",
    "updated_at": null
  }
];
