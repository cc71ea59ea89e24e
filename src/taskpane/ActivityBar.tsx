/**
 * How far a long read or write of the workbook is, under the tabs, whatever page started it: shown only
 * while an action needs more round trips to come (a large plan in Excel), gone when it ends.
 */
import { Caption1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { HostActivity, WorkbookSession } from "../app/session";
import { usePrefs } from "./prefs";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
});

/** A write of up to this many round trips (list, write, events back on) ends too soon to be worth a bar. */
const SHORT_WRITE = 3;

function isLong(a: HostActivity): boolean {
  return !a.finished && a.done < a.total && (a.kind === "read" || a.total > SHORT_WRITE);
}

export function ActivityBar({ session }: { readonly session: WorkbookSession | undefined }) {
  const { t, num } = usePrefs();
  const s = useStyles();
  const [activity, setActivity] = useState<HostActivity | undefined>(undefined);
  // renders only when a bar appears, moves or goes: most reads and writes are short and change nothing
  const shown = useRef(false);
  useEffect(() => {
    if (!session?.activity) return undefined;
    const stop = session.activity((a) => {
      const long = isLong(a);
      if (!long && !shown.current) return;
      shown.current = long;
      setActivity(long ? a : undefined);
    });
    return () => {
      stop();
      shown.current = false;
      setActivity(undefined);
    };
  }, [session]);
  if (!activity) return null;
  const label = activity.kind === "read"
    ? t("activityRead", { pct: num(Math.floor((100 * activity.done) / Math.max(1, activity.total))) })
    : t("activityWrite", { done: num(activity.done), total: num(activity.total) });
  return (
    <div className={s.root} role="status" aria-live="polite" data-testid="activity" data-kind={activity.kind}>
      <ProgressBar value={activity.done} max={Math.max(activity.total, activity.done)} aria-label={label} />
      <Caption1>{label}</Caption1>
    </div>
  );
}
