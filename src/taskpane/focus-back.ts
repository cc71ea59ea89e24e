/**
 * Focus back on a list's button after a dialog or a write (issue 16: keyboard users keep their place). The list
 * may be read again meanwhile — its items re-rendered, unmounted for a moment, or their buttons disabled while
 * the write finishes — so one attempt after the current task is not enough on a busy machine: this tries until
 * the button is there and takes the focus, for up to `patienceMs`, then settles for the fallback (the list's
 * heading). A removed row has no button to wait for: the fallback at once.
 */
export function focusBack(selector: string | undefined, fallback: () => HTMLElement | null, patienceMs = 2_000): void {
  const started = Date.now();
  const attempt = () => {
    const target = selector === undefined ? null : document.querySelector<HTMLElement>(selector);
    const ready = target !== null && !target.hasAttribute("disabled") && target.getAttribute("aria-disabled") !== "true";
    if (ready) {
      target.focus();
      if (document.activeElement === target) return;
    }
    if (selector !== undefined && Date.now() - started < patienceMs) {
      setTimeout(attempt, 25);
      return;
    }
    (target ?? fallback())?.focus();
  };
  setTimeout(attempt, 0);
}
