import { useDiscardQuestion } from '../forms/unsaved';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * "Forkaste endringene?": asked in the app when a dialog with unsaved changes is closed or a screen with them is
 * left (forms/unsaved.ts). The safe choice, keep editing, has focus; Esc keeps editing too.
 */
export function DiscardDialog() {
  const { asking, answer } = useDiscardQuestion();
  // Mounted only while asking, so its words are not in the page otherwise.
  if (!asking) return null;
  return (
    <ConfirmDialog heading="Forkaste endringene?" confirmLabel="Forkast" cancelLabel="Fortsett å redigere" onAnswer={answer}>
      Du har endringer som ikke er lagret. Forkaster du dem, er det du har skrevet borte.
    </ConfirmDialog>
  );
}
