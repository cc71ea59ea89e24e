/**
 * @jest-environment jsdom
 */
/**
 * Issue 17: one live-read hook, latest wins (vscode's Throttler pattern). A read that a newer request
 * supersedes never sets the page's state: the รายงาน page used to show the previous round's preview when
 * the first read finished last.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import type { WorkbookSession } from "../../src/app/session";
import { LIVE_DEBOUNCE_MS, useLiveRead } from "../../src/taskpane/useLiveRead";

/** A read whose answers the test releases one by one, in any order. */
function controlledReads() {
  const pending: { label: string; resolve: (v: string) => void }[] = [];
  let started = 0;
  const make = (label: string) => () => {
    started++;
    return new Promise<string>((resolve) => pending.push({ label, resolve: () => resolve(label) }));
  };
  const release = (label: string) => {
    const i = pending.findIndex((p) => p.label === label);
    const [p] = pending.splice(i, 1);
    p?.resolve(label);
  };
  return { make, release, started: () => started, pending };
}

const session = (watch?: WorkbookSession["watch"]) => ({ port: {} as WorkbookSession["port"], ...(watch ? { watch } : {}) }) as WorkbookSession;

it("a new request while a read is in flight: the in-flight value is dropped, the newer read's is shown", async () => {
  const reads = controlledReads();
  const s = session();
  const { result, rerender } = renderHook(({ read }) => useLiveRead(s, read), { initialProps: { read: reads.make("round 6") } });
  expect(reads.started()).toBe(1);
  // the user picks round 12 while round 6 is still being read
  rerender({ read: reads.make("round 12") });
  await act(async () => reads.release("round 6"));
  // round 6 finished, but it is superseded: not shown; round 12 runs next
  expect(result.current.value).toBeUndefined();
  await waitFor(() => expect(reads.started()).toBe(2));
  await act(async () => reads.release("round 12"));
  await waitFor(() => expect(result.current.value).toBe("round 12"));
  expect(result.current.busy).toBe(false);
  expect(result.current.done?.count).toBe(1);
});

it("requests during a read queue one more read, not one each; every caller waits for it", async () => {
  const reads = controlledReads();
  const read = reads.make("v");
  const { result } = renderHook(() => useLiveRead(session(), read));
  let waits: Promise<void>[] = [];
  act(() => {
    waits = [result.current.load(), result.current.load(), result.current.load()];
  });
  await act(async () => reads.release("v"));
  await waitFor(() => expect(reads.started()).toBe(2));
  await act(async () => reads.release("v"));
  await act(async () => {
    await Promise.all(waits);
  });
  expect(reads.started()).toBe(2);
  expect(result.current.value).toBe("v");
});

it("an edit in the workbook re-reads once after the burst of edits stops", async () => {
  jest.useFakeTimers();
  try {
    let notify: () => void = () => undefined;
    const reads = controlledReads();
    const read = reads.make("v");
    renderHook(() => useLiveRead(session((f) => { notify = f; return () => undefined; }), read));
    await act(async () => reads.release("v"));
    act(() => {
      notify();
      notify();
      notify();
      jest.advanceTimersByTime(LIVE_DEBOUNCE_MS + 10);
    });
    expect(reads.started()).toBe(2);
    await act(async () => reads.release("v"));
  } finally {
    jest.useRealTimers();
  }
});
