/**
 * What the pages that show the workbook share: read it at once (and whenever `read` changes), on demand,
 * and — where the session can watch the workbook — again shortly after each edit. Results that arrive
 * after the page is gone are dropped.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookSession } from "../app/session";

/** Edits come in bursts (typing, paste): one re-read after they stop. */
export const LIVE_DEBOUNCE_MS = 800;

export function useLiveRead<T>(session: WorkbookSession, read: () => Promise<T>) {
  const [value, setValue] = useState<T>();
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<unknown>();
  const mounted = useRef(true);
  const load = useCallback(async () => {
    setBusy(true);
    try {
      const v = await read();
      if (mounted.current) {
        setValue(v);
        setError(undefined);
      }
    } catch (e) {
      if (mounted.current) setError(e);
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, [read]);
  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);
  useEffect(() => {
    if (!session.watch) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = session.watch(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void load(), LIVE_DEBOUNCE_MS);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      stop();
    };
  }, [session, load]);
  return { value, busy, error, load };
}
