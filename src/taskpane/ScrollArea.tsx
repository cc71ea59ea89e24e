/**
 * A table wider than the pane (issue 16: at 320–350 px the report's figures are clipped with no sign they
 * scroll). The area scrolls sideways and shows it: shadows at the clipped edge (the "scroll shadows"
 * background: two covers that scroll with the content hide two shadows that stay put, so a shadow shows
 * only where content is hidden — no script, no layout reads) and, while something is clipped, a
 * "เลื่อนดู →" hint. It is one tab stop, named, so a keyboard user can reach and scroll it with the arrows.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { usePrefs } from "./prefs";

const SHADOW = "rgba(0, 0, 0, 0.22)";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  area: {
    overflowX: "auto", maxWidth: "100%",
    backgroundImage: [
      `linear-gradient(to right, ${tokens.colorNeutralBackground1} 30%, transparent)`,
      `linear-gradient(to left, ${tokens.colorNeutralBackground1} 30%, transparent)`,
      `radial-gradient(farthest-side at 0 50%, ${SHADOW}, transparent)`,
      `radial-gradient(farthest-side at 100% 50%, ${SHADOW}, transparent)`,
    ].join(", "),
    backgroundPosition: "left center, right center, left center, right center",
    backgroundRepeat: "no-repeat",
    backgroundSize: "40px 100%, 40px 100%, 14px 100%, 14px 100%",
    backgroundAttachment: "local, local, scroll, scroll",
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  hint: { alignSelf: "flex-end", color: tokens.colorNeutralForeground2 },
});

/** Whether the element's content is wider than it; undefined where there is no layout to ask (jsdom). */
function useClipped<T extends HTMLElement>(): [React.RefObject<T>, boolean] {
  const ref = useRef<T>(null);
  const [clipped, setClipped] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const measure = () => setClipped(el.scrollWidth - el.clientWidth > 1);
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    measure();
    return () => ro.disconnect();
  }, []);
  return [ref, clipped];
}

/** A sideways-scrolling area for one wide table: `label` names it for screen readers (the table's own name). */
export function ScrollArea({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const s = useStyles();
  const { t } = usePrefs();
  const [ref, clipped] = useClipped<HTMLDivElement>();
  return (
    <div className={s.root}>
      {/* tabIndex 0: a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <div ref={ref} className={s.area} role="region" aria-label={clipped ? t("scrollRegion", { label }) : label} tabIndex={0} data-testid={testId} data-clipped={clipped ? "true" : "false"}>
        {children}
      </div>
      {clipped && <Caption1 className={s.hint} aria-hidden="true" data-testid="scroll-hint">{t("scrollHint")}</Caption1>}
    </div>
  );
}
