/**
 * The one way pages that show the workbook read it (issue 17): at once (and whenever `read` changes), on
 * demand, and — where the session can watch the workbook — again shortly after each edit.
 *
 * Latest wins, after vscode's `Throttler` (base/common/async.ts): one read at a time; asking during a
 * read queues exactly one more, which starts when the current one ends, so the value shown is always
 * from a read that started after the last request (a superseded read never sets state); all callers
 * of `load` wait for that last read. Results that arrive after the page is gone are dropped.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookSession } from "../app/session";

/** Edits come in bursts (typing, paste): one re-read after they stop. */
export const LIVE_DEBOUNCE_MS = 800;

export interface LiveRead<T> {
  readonly value: T | undefined;
  readonly busy: boolean;
  readonly error: unknown;
  /** When the last read finished and how many this page has made: a run is visible even when nothing changed. */
  readonly done: { readonly at: Date; readonly count: number } | undefined;
  load(): Promise<void>;
}

export function useLiveRead<T>(session: WorkbookSession, read: () => Promise<T>): LiveRead<T> {
  const [value, setValue] = useState<T>();
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ at: Date; count: number }>();
  const state = useRef({ mounted: true, again: false, inFlight: undefined as Promise<void> | undefined });
  // the loop below always runs the latest `read`, so a read queued after the request changed reads the new one
  const latestRead = useRef(read);
  latestRead.current = read;

  const load = useCallback((): Promise<void> => {
    const st = state.current;
    if (st.inFlight) {
      st.again = true;
      return st.inFlight;
    }
    setBusy(true);
    st.inFlight = (async () => {
      try {
        do {
          st.again = false;
          try {
            const v = await latestRead.current();
            // a request came in while reading: this value is already stale, the next read's will be shown
            if (st.mounted && !st.again) {
              setValue(v);
              setError(undefined);
              setDone((d) => ({ at: new Date(), count: (d?.count ?? 0) + 1 }));
            }
          } catch (e) {
            if (st.mounted && !st.again) setError(e);
          }
        } while (st.again && st.mounted);
      } finally {
        st.inFlight = undefined;
        if (st.mounted) setBusy(false);
      }
    })();
    return st.inFlight;
  }, []);

  useEffect(() => {
    const st = state.current;
    st.mounted = true;
    return () => {
      st.mounted = false;
    };
  }, []);

  // at once, and again for a new `read` (another session, another request): what is in flight is for the
  // old one, so it is superseded (load queues the new read behind it and drops its value)
  useEffect(() => {
    void load();
  }, [read, load]);

  useEffect(() => {
    if (!session.watch) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = session.watch(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void load();
      }, LIVE_DEBOUNCE_MS);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      stop();
    };
  }, [session, load]);

  return { value, busy, error, done, load };
}
