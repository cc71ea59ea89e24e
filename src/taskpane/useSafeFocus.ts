/**
 * The safe button of a dialog that asks before removing something (issue 16): focused once the dialog is
 * open, so Enter or Space right after opening never removes. autoFocus asks the dialog for the same;
 * this also holds where the dialog's focus trap finds nothing focusable yet (jsdom, a slow first paint).
 */
import { useEffect, useRef } from "react";

export function useSafeFocus(open: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const timer = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [open]);
  return ref;
}
