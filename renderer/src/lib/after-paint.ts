/**
 * Runs `fn` after the next frame is painted: requestAnimationFrame runs before that frame's paint, a task queued
 * from it runs after. For work started by a keystroke that must not delay the keystroke's own paint (the effects
 * of a key's render run before the paint). Returns a cancel.
 */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
