/**
 * ผลรายเดือน: a division's officer picks the unit's items (หน่วยงานรับผิดชอบ), the fiscal year and the
 * month; sees an item's disbursement so far against its allocation and its plan budget, and its rows of
 * the year; types the month's row with the progress checks (M rules) running on every keystroke, on the
 * model with the draft added — no workbook round trip — and saves it below the sheet's last used row.
 * A row already there for the item and month is shown with its place, never overwritten; a second one
 * is added only after an explicit confirmation. Each saved row of the item's year can be edited (the
 * same form, prefilled, with the same checks, written back into its own row) or removed after a
 * confirmation whose focus is on "ยกเลิก"; a row another writer changed or moved meanwhile is refused
 * and the page reads again (issue 16). Below, division workbooks are merged into this one
 * (MergeDivisions). Where the session can watch the workbook, the page reads it again after each edit,
 * so rows typed straight into the sheet show up here.
 */
import {
  Badge, Body1, Button, Caption1, Caption1Strong, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field,
  Input, makeStyles, mergeClasses, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Option, ProgressBar, Spinner,
  Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, tokens, useArrowNavigationGroup, useRestoreFocusTarget,
} from "@fluentui/react-components";
import { DeleteRegular, EditRegular, ErrorCircleFilled, LocationRegular, SaveRegular, WarningFilled } from "@fluentui/react-icons";
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import {
  addProgressRow, carriedOver, type CarriedOver, checkDraft, dateOnly, formDate, defaultFiscalYear, defaultMonth, type DraftCheck, draftOf, editProgressRow, enteredDate,
  type DraftFinding, type DraftInput, existingRows, fieldLabel, fieldOfColumn, type ItemFigures, monthName, monthYear, type MonthlyView, ownersOf, planYearsOf, progressListing,
  readMonthly, removeProgressRow, shortDate,
} from "../../app/monthly";
import { rowChangedMessage } from "../../app/row-edit";
import type { HostServices, WorkbookSession } from "../../app/session";
import { calendarMonth, type CalendarMonth, FISCAL_MONTHS } from "../../domain/calendar";
import type { CellLocation } from "../../domain/findings";
import {
  BUDGET_TYPES, type BudgetType, type ClosedList, labelOf, NOT_POSSIBLE_REASONS, type NotPossibleReason, PROGRESS_STATUSES,
  type ProgressStatus, YES_NO,
} from "../../domain/lists";
import type { PlanItem, ProgressEntry } from "../../domain/plan";
import { type FiscalYear, fiscalYear, isFiscalYear } from "../../domain/units";
import { plainMessage } from "../ErrorBar";
import { usePrefs } from "../prefs";
import { DownloadAction } from "../save";
import { ScrollArea } from "../ScrollArea";
import { ThaiText, useThaiWrap } from "../ThaiText";
import { useLiveRead } from "../useLiveRead";
import { focusBack } from "../focus-back";
import { useSafeFocus } from "../useSafeFocus";
import { MergeDivisions } from "./MergeDivisions";

const ALL = "*";
const STORAGE_KEY = "sujarit.monthly";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: tokens.spacingHorizontalS, minWidth: 0 },
  wide: { gridColumn: "1 / -1" },
  field: { minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
  listHead: { display: "flex", flexWrap: "wrap", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  listBox: {
    maxHeight: "45vh", overflowY: "auto", minWidth: 0, borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  itemButton: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, width: "100%", minWidth: 0, textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, border: "none", margin: 0, cursor: "pointer",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  itemSelected: {
    backgroundColor: tokens.colorBrandBackground2, ":hover": { backgroundColor: tokens.colorBrandBackground2 },
    boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorBrandStroke1}`,
  },
  itemTop: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  itemName: { overflow: "hidden", display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical", overflowWrap: "anywhere" },
  itemMeta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  panel: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  wrap: { overflowWrap: "anywhere" },
  facts: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2, minWidth: 0 },
  amount: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  over: { color: tokens.colorPaletteRedForeground1 },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: "end", justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
  // one column in a narrow pane, more as it widens; fields keep their own height
  form: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))", alignItems: "start", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  block: { display: "block" },
  bar: { marginTop: tokens.spacingVerticalS },
  history: { tableLayout: "auto" },
  nowrap: { whiteSpace: "nowrap" },
  checks: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, minWidth: 0,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
  },
  findings: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  finding: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  findingText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: "2px" },
  link: { padding: 0, minWidth: 0, height: "auto", justifyContent: "flex-start", textAlign: "start", fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  rowActions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXS },
  surface: { maxWidth: "min(560px, calc(100vw - 24px))" },
});

/* ---------- reading ---------- */

/** Reads the workbook at once, on demand, and (where the session can watch) after edits. */
function useMonthlyView(session: WorkbookSession) {
  const read = useCallback(() => readMonthly(session.port), [session]);
  const { value: view, busy, error, load } = useLiveRead(session, read);
  return { view, busy, error, load };
}

interface Remembered {
  readonly owner?: string;
  readonly enteredBy?: string;
}

function remembered(): Remembered {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Remembered) : {};
  } catch {
    return {}; // storage unavailable or corrupt: start empty
  }
}

function remember(next: Remembered): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ ...remembered(), ...next }));
  } catch {
    /* storage unavailable: nothing is remembered */
  }
}

/* ---------- the page ---------- */

export interface MonthlyPageProps {
  readonly session: WorkbookSession;
  readonly openFile: HostServices["openFile"];
  /** For tests: the day the page takes as today (default month and year, วันที่บันทึก). */
  readonly today?: Date;
}

export function MonthlyPage({ session, openFile, today }: MonthlyPageProps) {
  const s = useStyles();
  const { t, num, prefs, code: codeText, text: shown } = usePrefs();
  const { view, busy, error, load } = useMonthlyView(session);
  const itemArrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const [owner, setOwner] = useState<string>(() => remembered().owner ?? ALL);
  const [fy, setFy] = useState<FiscalYear>();
  const [month, setMonth] = useState<CalendarMonth>();
  const [code, setCode] = useState<string>();
  const [status, setStatus] = useState<{ intent: "success" | "error" | "warning"; text: string; at?: CellLocation }>();
  /** The saved row being edited, as the user saw it (its place included): the form is that row's. */
  const [editing, setEditing] = useState<ProgressEntry>();
  const [removing, setRemoving] = useState<ProgressEntry>();
  const [removeBusy, setRemoveBusy] = useState(false);
  const detailRef = useRef<HTMLElement>(null);
  const cancelRemoveRef = useSafeFocus(removing !== undefined);
  const now = useMemo(() => today ?? new Date(), [today]);

  const wb = view?.read.workbook;
  const years = useMemo(() => (wb ? planYearsOf(wb) : []), [wb]);
  const owners = useMemo(() => (wb ? ownersOf(wb) : []), [wb]);
  // the first read decides the defaults; later reads keep what the user chose
  useEffect(() => {
    if (!wb) return;
    const y = fy ?? defaultFiscalYear(wb, now);
    if (fy === undefined) setFy(y);
    if (month === undefined) setMonth(defaultMonth(wb, y, now));
  }, [wb, fy, month, now]);
  const activeOwner = owner !== ALL && owners.some((o) => o.owner === owner) ? owner : ALL;

  const listed = useMemo(() => (wb && fy ? progressListing(wb, fy, activeOwner === ALL ? undefined : activeOwner) : []), [wb, fy, activeOwner]);
  const selected = listed.find((l) => l.item.code === code);
  const monthText = (m: CalendarMonth, y: FiscalYear) => `${monthName(m, prefs.lang)} ${num(monthYear(y, m))}`;
  const reportedThisMonth = (f: ItemFigures) => month !== undefined && f.months.includes(month);

  const choose = useCallback((c: string) => {
    setCode(c);
    setEditing(undefined);
    setStatus(undefined);
    requestAnimationFrame(() => detailRef.current?.scrollIntoView?.({ block: "start", behavior: "smooth" }));
  }, []);

  /** After an edit or a removal: the focus goes back to the row's button, or to the history's heading when the row is gone. */
  const focusHistory = (row: number | undefined, button: "edit-row" | "remove-row" = "edit-row") =>
    focusBack(row !== undefined ? `[data-testid="history-row"][data-row="${row}"] [data-testid="${button}"]` : undefined,
      () => document.getElementById("history-heading"));
  const refused = async (change: Parameters<typeof rowChangedMessage>[0]) => {
    await load();
    setStatus({ intent: "warning", text: shown(rowChangedMessage(change)[prefs.lang]), at: { sheet: change.sheet, row: change.movedTo ?? change.row } });
  };
  const remove = async () => {
    const seen = removing;
    if (!seen) return;
    setRemoveBusy(true);
    try {
      const result = await removeProgressRow(session.port, seen);
      setRemoving(undefined);
      if (editing?.at?.row === seen.at?.row) setEditing(undefined);
      if (result.kind === "changed") await refused(result);
      else {
        await load();
        setStatus({ intent: "success", text: t(session.exportBytes ? "removedDownload" : "removed", { sheet: result.sheet, row: num(result.row) }) });
      }
      focusHistory(undefined);
    } catch (e) {
      setRemoving(undefined);
      setStatus({ intent: "error", text: `${t("removeFailed")} ${shown(plainMessage(e, prefs.lang))}` });
    } finally {
      setRemoveBusy(false);
    }
  };

  const reveal = session.reveal;
  const revealAt = reveal ? (at: CellLocation) => void reveal(at).catch((e: unknown) => console.warn("Sujarit: cannot reveal", at, e)) : undefined;
  const ready = view !== undefined && !busy && fy !== undefined && month !== undefined;

  return (
    <section className={s.root} aria-labelledby="monthly-heading" data-testid="monthly" data-ready={ready ? "true" : "false"}>
      <Subtitle2 as="h2" id="monthly-heading" className={s.heading}>{t("monthlyHeading")}</Subtitle2>
      {session.watch && <Caption1 className={s.note}><ThaiText text={t("monthlyLive")} /></Caption1>}

      {error !== undefined && (
        <MessageBar intent="error" layout="multiline" data-testid="monthly-error">
          <MessageBarBody>
            <MessageBarTitle><ThaiText text={t("monthlyFailed")} /></MessageBarTitle>
            <ThaiText text={shown(plainMessage(error, prefs.lang))} />
          </MessageBarBody>
        </MessageBar>
      )}
      {!view && busy && <Spinner label={t("loading")} />}
      {view && !view.sheet && (
        <MessageBar intent="warning" layout="multiline" data-testid="no-progress-sheet">
          <MessageBarBody><ThaiText text={t("noProgressSheet")} /></MessageBarBody>
        </MessageBar>
      )}

      {wb && fy !== undefined && month !== undefined && (
        <>
          <div className={s.filters} role="group" aria-label={t("monthlyFilters")}>
            <Field label={t("ownerLabel")} className={mergeClasses(s.field, s.wide)}>
              <Dropdown
                className={s.dropdown}
                data-testid="owner-filter"
                value={activeOwner === ALL ? t("allOwners") : activeOwner}
                selectedOptions={[activeOwner]}
                onOptionSelect={(_, d) => {
                  const o = d.optionValue ?? ALL;
                  setOwner(o);
                  remember({ owner: o });
                }}
              >
                <Option value={ALL} text={t("allOwners")}>{`${t("allOwners")} (${num(wb.items.filter((i) => i.code).length)})`}</Option>
                {owners.map((o) => (
                  <Option key={o.owner} value={o.owner} text={o.owner}>{`${o.owner} (${num(o.items)})`}</Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={t("fyLabel")} className={s.field}>
              <Dropdown
                className={s.dropdown}
                data-testid="fy-filter"
                value={num(fy)}
                selectedOptions={[String(fy)]}
                onOptionSelect={(_, d) => {
                  if (!d.optionValue || !isFiscalYear(Number(d.optionValue))) return;
                  setEditing(undefined); // another year: the row being edited is not in it
                  setFy(fiscalYear(Number(d.optionValue)));
                }}
              >
                {years.map((y) => <Option key={y} value={String(y)} text={num(y)}>{num(y)}</Option>)}
              </Dropdown>
            </Field>
            <Field label={t("monthLabel")} className={s.field}>
              <Dropdown
                className={s.dropdown}
                data-testid="month-filter"
                value={monthText(month, fy)}
                selectedOptions={[String(month)]}
                onOptionSelect={(_, d) => {
                  const chosen = calendarMonth(Number(d.optionValue));
                  if (chosen === undefined) return;
                  setEditing(undefined); // choosing a month is choosing what to enter
                  setMonth(chosen);
                }}
              >
                {FISCAL_MONTHS.map((m) => <Option key={m} value={String(m)} text={monthText(m, fy)}>{monthText(m, fy)}</Option>)}
              </Dropdown>
            </Field>
          </div>

          <div className={s.listHead}>
            <Subtitle2 as="h3" className={s.sub} id="monthly-items-heading" data-testid="items-heading">
              <ThaiText text={t("itemsHeading", { n: num(listed.length), month: monthText(month, fy), done: num(listed.filter((l) => reportedThisMonth(l.figures)).length) })} />
            </Subtitle2>
          </div>
          {listed.length === 0 ? (
            <Body1 data-testid="no-items"><ThaiText text={t("noItems")} /></Body1>
          ) : (
            <div className={s.listBox}>
              {/* one tab stop: arrow keys move between the items, Tab leaves the list (returning to the last item used) */}
              <ul className={s.list} aria-labelledby="monthly-items-heading" data-testid="monthly-items" {...itemArrows}>
                {listed.map(({ item, figures }) => (
                  <ItemRow key={item.code} item={item} figures={figures} reported={reportedThisMonth(figures)} selected={item.code === code} onSelect={choose} />
                ))}
              </ul>
            </div>
          )}

          {status && (
            <MessageBar intent={status.intent} layout="multiline" data-testid="monthly-status">
              <MessageBarBody><ThaiText text={status.text} /></MessageBarBody>
              {status.at && revealAt && (
                <MessageBarActions>
                  <Button size="small" icon={<LocationRegular />} onClick={() => revealAt(status.at as CellLocation)} data-testid="status-reveal">{t("showInSheet")}</Button>
                </MessageBarActions>
              )}
              {status.intent === "success" && session.exportBytes && (
                <MessageBarActions>
                  <DownloadAction />
                </MessageBarActions>
              )}
            </MessageBar>
          )}

          {selected ? (
            <section className={s.panel} ref={detailRef} aria-labelledby="item-heading" data-testid="item-detail" data-code={selected.item.code}>
              <div>
                <Subtitle2 as="h3" id="item-heading" className={mergeClasses(s.heading, s.wrap)}>
                  <ThaiText text={`${codeText(selected.item.code ?? "")} ${shown(selected.item.name)}`} />
                </Subtitle2>
                {selected.item.owner && <Caption1 className={mergeClasses(s.note, s.wrap, s.block)}><ThaiText text={selected.item.owner} /></Caption1>}
              </div>
              <Figures figures={selected.figures} />
              <History
                rows={selected.figures.rows}
                fy={fy}
                onReveal={revealAt}
                editingRow={editing?.at?.row}
                onEdit={view.sheet ? (r) => { setStatus(undefined); setEditing(r); } : undefined}
                onRemove={view.sheet ? (r) => setRemoving(r) : undefined}
              />
              {view.sheet && (
                <Entry
                  key={editing ? `${selected.item.code}|${fy}|edit|${editing.at?.row ?? ""}` : `${selected.item.code}|${fy}|${month}`}
                  view={view}
                  item={selected.item}
                  fy={fy}
                  month={editing?.month ?? month}
                  monthText={monthText(editing?.month ?? month, fy)}
                  now={now}
                  session={session}
                  editing={editing}
                  onEdit={(r) => { setStatus(undefined); setEditing(r); }}
                  onCancelEdit={() => {
                    const row = editing?.at?.row;
                    setEditing(undefined);
                    focusHistory(row);
                  }}
                  onEdited={async (sheet, row) => {
                    setEditing(undefined);
                    await load();
                    setStatus({ intent: "success", text: t(session.exportBytes ? "editedDownload" : "edited", { sheet, row: num(row) }), at: { sheet, row } });
                    focusHistory(row);
                  }}
                  onChanged={async (change) => {
                    setEditing(undefined);
                    await refused(change);
                  }}
                  onReveal={revealAt}
                  onSaved={async (sheet, row) => {
                    await load();
                    setStatus({ intent: "success", text: t(session.exportBytes ? "savedDownload" : "saved", { sheet, row: num(row) }), at: { sheet, row } });
                  }}
                  onExists={async (sheet, row) => {
                    await load();
                    setStatus({ intent: "warning", text: t("saveExists", { sheet, row: num(row) }), at: { sheet, row } });
                  }}
                  onFailed={(e) => setStatus({ intent: "error", text: `${t("saveFailed")} ${shown(plainMessage(e, prefs.lang))}` })}
                />
              )}
            </section>
          ) : (
            listed.length > 0 && <Caption1 className={s.note} data-testid="pick-item"><ThaiText text={t("pickItem")} /></Caption1>
          )}
          <MergeDivisions session={session} openFile={openFile} onMerged={load} />
        </>
      )}
      <Dialog open={removing !== undefined} onOpenChange={(_, d) => { if (!d.open && !removeBusy) { const row = removing?.at?.row; setRemoving(undefined); focusHistory(row, "remove-row"); } }}>
        <DialogSurface className={s.surface} data-testid="confirm-remove">
          <DialogBody>
            <DialogTitle><ThaiText text={t("confirmRemoveTitle", { row: num(removing?.at?.row ?? 0), month: removing?.month && fy ? monthText(removing.month, fy) : "-" })} /></DialogTitle>
            <DialogContent><ThaiText text={t("confirmRemoveBody", { row: num(removing?.at?.row ?? 0), sheet: removing?.at?.sheet ?? "" })} /></DialogContent>
            <DialogActions>
              {/* the safe action takes the focus: Enter on an opened dialog never removes a row */}
              <Button ref={cancelRemoveRef} appearance="primary" autoFocus disabled={removeBusy} onClick={() => { const row = removing?.at?.row; setRemoving(undefined); focusHistory(row, "remove-row"); }} data-testid="cancel-remove">{t("cancel")}</Button>
              <Button icon={removeBusy ? <Spinner size="extra-tiny" aria-hidden /> : <DeleteRegular />} disabled={removeBusy} onClick={() => void remove()} data-testid="confirm-remove-row">{t("confirmRemove")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

/** One item of the list; memoised, so that choosing a month or an item redraws only the rows that change. */
const ItemRow = memo(function ItemRow({ item, figures, reported, selected, onSelect }: { item: PlanItem; figures: ItemFigures; reported: boolean; selected: boolean; onSelect(code: string): void }) {
  const s = useStyles();
  const { t, money, code, text } = usePrefs();
  const limit = figures.limit?.amount;
  return (
    <li>
      <button
        type="button"
        className={mergeClasses(s.itemButton, selected && s.itemSelected)}
        aria-pressed={selected}
        onClick={() => onSelect(item.code as string)}
        data-testid="monthly-item"
        data-code={item.code}
        data-reported={reported ? "true" : "false"}
      >
        <span className={s.itemTop}>
          <Text weight="semibold">{code(item.code ?? "")}</Text>
          <Badge size="small" appearance={reported ? "filled" : "outline"} color={reported ? "success" : "informative"}>
            {t(reported ? "reportedBadge" : "notReportedBadge")}
          </Badge>
        </span>
        <span className={s.itemName}><ThaiText text={text(item.name)} /></span>
        <span className={s.itemMeta}>
          <ThaiText text={limit !== undefined ? t("itemDisbursedOf", { amount: money(figures.disbursed), limit: money(limit) }) : t("itemDisbursed", { amount: money(figures.disbursed) })} />
        </span>
      </button>
    </li>
  );
});

function Figures({ figures: f }: { figures: ItemFigures }) {
  const s = useStyles();
  const { t, num, money } = usePrefs();
  const over = f.remaining !== undefined && f.remaining < 0;
  const share = f.limit ? f.disbursed / f.limit.amount : undefined;
  const shareText = f.limit?.kind === "allocation" && f.pctOfAllocation !== undefined
    ? t("pctOfAllocation", { pct: num(f.pctOfAllocation) })
    : f.pctOfPlan !== undefined ? t("pctOfPlan", { pct: num(f.pctOfPlan) }) : undefined;
  return (
    <div data-testid="item-figures">
      <h4 className={s.sub}><ThaiText text={t("figuresHeading", { fy: num(f.fy) })} /></h4>
      <dl className={s.facts}>
        <dt className={s.term}><ThaiText text={t("plannedBudget", { fy: num(f.fy) })} /></dt>
        <dd className={s.amount} data-testid="fig-planned" data-value={f.planned}>{money(f.planned)}</dd>
        <dt className={s.term}><ThaiText text={t("allocationLabel")} /></dt>
        <dd className={s.amount} data-testid="fig-allocation" data-value={f.allocation ?? ""}>{f.allocation !== undefined ? money(f.allocation) : t("notStated")}</dd>
        <dt className={s.term}><ThaiText text={t("disbursedToDate")} /></dt>
        <dd className={mergeClasses(s.amount, over && s.over)} data-testid="fig-disbursed" data-value={f.disbursed}>{money(f.disbursed)}</dd>
        {f.remaining !== undefined && (
          <>
            <dt className={s.term}><ThaiText text={t("remainingLabel")} /></dt>
            <dd className={mergeClasses(s.amount, over && s.over)} data-testid="fig-remaining" data-value={f.remaining}>
              {over ? t("overBy", { amount: money(-f.remaining) }) : money(f.remaining)}
            </dd>
          </>
        )}
      </dl>
      {share !== undefined && shareText ? (
        <>
          <ProgressBar
            value={Math.min(1, share)}
            color={over ? "error" : share >= 0.9 ? "warning" : "brand"}
            thickness="large"
            className={s.bar}
            aria-label={shareText}
            data-testid="fig-bar"
          />
          <Caption1 className={over ? s.over : s.note} data-testid="fig-share"><ThaiText text={shareText} /></Caption1>
        </>
      ) : (
        f.planned === 0 && f.allocation === undefined && <Caption1 className={s.note}><ThaiText text={t("noBudgetYear")} /></Caption1>
      )}
    </div>
  );
}

interface HistoryProps {
  rows: readonly ProgressEntry[];
  fy: FiscalYear;
  onReveal: ((at: CellLocation) => void) | undefined;
  /** The row being edited (its Edit button shows it pressed). */
  editingRow?: number | undefined;
  onEdit?: ((row: ProgressEntry) => void) | undefined;
  onRemove?: ((row: ProgressEntry) => void) | undefined;
}

function History({ rows, fy, onReveal, editingRow, onEdit, onRemove }: HistoryProps) {
  const s = useStyles();
  const { t, num, money, prefs } = usePrefs();
  return (
    <div>
      <h4 className={s.sub} id="history-heading" tabIndex={-1}>{t("historyHeading")}</h4>
      {rows.length === 0 ? (
        <Caption1 className={s.note} data-testid="history-empty"><ThaiText text={t("historyEmpty")} /></Caption1>
      ) : (
        // wider than a 320 px pane with its actions: it scrolls sideways, with a visible cue and one tab stop
        <ScrollArea label={t("historyHeading")} testId="history-scroll">
        <Table size="extra-small" className={s.history} aria-labelledby="history-heading" data-testid="history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell><ThaiText text={t("colMonth")} /></TableHeaderCell>
              <TableHeaderCell><ThaiText text={t("colStatus")} /></TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.num, s.nowrap)}>{t("colPct")}</TableHeaderCell>
              <TableHeaderCell className={s.num}><ThaiText text={t("colDisbursed")} /></TableHeaderCell>
              {(onEdit || onRemove) && <TableHeaderCell><ThaiText text={t("colActions")} /></TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r, i) => {
              const month = r.month ? `${monthName(r.month, prefs.lang)} ${num(monthYear(fy, r.month))}` : "-";
              const at = r.at;
              return (
                <TableRow key={`${r.at?.row ?? i}`} data-testid="history-row" data-month={r.month} data-row={r.at?.row}>
                  <TableCell>
                    <div className={s.nowrap}>{month}</div>
                    {at && (onReveal ? (
                      <Button size="small" appearance="transparent" className={s.link} onClick={() => onReveal({ sheet: at.sheet, row: at.row })} aria-label={t("showRowInSheet", { row: num(at.row) })}>
                        {t("rowAt", { row: num(at.row) })}
                      </Button>
                    ) : (
                      <Caption1 className={s.note}>{t("rowAt", { row: num(at.row) })}</Caption1>
                    ))}
                  </TableCell>
                  <TableCell>{r.status ? <ThaiText text={labelOf(PROGRESS_STATUSES, r.status, prefs.lang)} /> : "-"}</TableCell>
                  <TableCell className={mergeClasses(s.num, s.nowrap)}>{r.progressPct !== undefined ? num(r.progressPct) : "-"}</TableCell>
                  <TableCell className={mergeClasses(s.num, s.nowrap)}>{r.disbursed !== undefined ? money(r.disbursed) : "-"}</TableCell>
                  {(onEdit || onRemove) && (
                    <TableCell>
                      {at && (
                        <div className={s.rowActions}>
                          {onEdit && (
                            <Button size="small" appearance="subtle" icon={<EditRegular />} aria-pressed={editingRow === at.row} onClick={() => onEdit(r)}
                              aria-label={t("editRowLabel", { row: num(at.row), month })} data-testid="edit-row">{t("editRow")}</Button>
                          )}
                          {onRemove && (
                            <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={() => onRemove(r)}
                              aria-label={t("removeRowLabel", { row: num(at.row), month })} data-testid="remove-row">{t("removeRow")}</Button>
                          )}
                        </div>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        </ScrollArea>
      )}
    </div>
  );
}

/* ---------- the month's row ---------- */

type TextField =
  | "reasonText" | "progressPct" | "startDate" | "endDate" | "output" | "unit" | "indicatorResult" | "result" | "ordinanceAmount"
  | "disbursed" | "evidence" | "problems" | "recommendations" | "enteredBy";

interface Form extends Record<TextField, string> {
  readonly status: ProgressStatus | undefined;
  readonly reason: NotPossibleReason | undefined;
  readonly inOrdinance: boolean | undefined;
  readonly budgetType: BudgetType | undefined;
}

/** A saved row being edited starts from what it holds (app/monthly draftOf: the same text the form reads back). */
function formOf(r: ProgressEntry): Form {
  const d = draftOf(r);
  return {
    status: d.status, reason: d.reason, inOrdinance: d.inOrdinance, budgetType: d.budgetType,
    reasonText: d.reasonText ?? "", progressPct: d.progressPct ?? "", startDate: d.startDate ?? "", endDate: d.endDate ?? "", output: d.output ?? "",
    unit: d.unit ?? "", indicatorResult: d.indicatorResult ?? "", result: d.result ?? "", ordinanceAmount: d.ordinanceAmount ?? "", disbursed: d.disbursed ?? "",
    evidence: d.evidence ?? "", problems: d.problems ?? "", recommendations: d.recommendations ?? "", enteredBy: d.enteredBy ?? "",
  };
}

/** A new row starts from what the core carries over from the item's latest earlier row (app/monthly carriedOver). */
function initialForm(c: CarriedOver, enteredBy: string): Form {
  return {
    status: c.status, reason: undefined, inOrdinance: c.inOrdinance, budgetType: c.budgetType,
    reasonText: "", progressPct: "", startDate: formDate(c.startDate), endDate: formDate(c.endDate), output: "", unit: c.unit,
    indicatorResult: "", result: "", ordinanceAmount: c.ordinanceAmount !== undefined ? String(c.ordinanceAmount) : "",
    disbursed: "", evidence: "", problems: "", recommendations: "", enteredBy,
  };
}

interface EntryProps {
  readonly view: MonthlyView;
  readonly item: PlanItem;
  readonly fy: FiscalYear;
  readonly month: CalendarMonth;
  readonly monthText: string;
  readonly now: Date;
  readonly session: WorkbookSession;
  /** The saved row being edited, as the user saw it; undefined: a new row. */
  readonly editing?: ProgressEntry | undefined;
  onEdit(row: ProgressEntry): void;
  onCancelEdit(): void;
  onEdited(sheet: string, row: number): Promise<void>;
  onChanged(change: Parameters<typeof rowChangedMessage>[0]): Promise<void>;
  onReveal: ((at: CellLocation) => void) | undefined;
  onSaved(sheet: string, row: number): Promise<void>;
  onExists(sheet: string, row: number): Promise<void>;
  onFailed(error: unknown): void;
}

function Entry(p: EntryProps) {
  const s = useStyles();
  const { t, num, prefs, text: shown } = usePrefs();
  const thai = useThaiWrap();
  const wb = p.view.read.workbook;
  const code = p.item.code as NonNullable<PlanItem["code"]>;
  const editing = p.editing;
  const [form, setForm] = useState<Form>(() => (editing ? formOf(editing) : initialForm(carriedOver(wb, code, p.fy, p.month), remembered().enteredBy ?? "")));
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const [askDuplicate, setAskDuplicate] = useState(false);
  // the duplicate dialog gives focus back to the button that opened it
  const restoreFocus = useRestoreFocusTarget();
  const [askErrors, setAskErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const existing = editing ? undefined : existingRows(wb, code, p.fy, p.month)[0];

  // an edit keeps the row's วันที่บันทึก (when it was entered); a new row is entered today
  const enteredOn = editing ? editing.enteredOn : dateOnly(p.now);
  const input: DraftInput = useMemo(() => ({ ...form, fy: p.fy, month: p.month, code, enteredOn }), [form, p.fy, p.month, code, enteredOn]);
  const deferred = useDeferredValue(input);
  // the same checks as adding; an edit is checked in its own row, which is not counted as a duplicate
  const check: DraftCheck = useMemo(() => checkDraft(p.view, deferred, editing), [p.view, deferred, editing]);
  const byField = useMemo(() => {
    const m = new Map<string, DraftFinding>();
    for (const f of check.findings) {
      if (!f.field) continue;
      const before = m.get(f.field);
      if (!before || (before.finding.severity !== "error" && f.finding.severity === "error")) m.set(f.field, f);
    }
    return m;
  }, [check]);
  const blocking = check.findings.filter((f) => f.finding.severity === "error" && !(allowDuplicate && f.finding.rule === "M9"));

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    setAskErrors(false);
    setSaving(true);
    try {
      // the row as typed now (not the deferred one the checks last saw)
      const entry = checkDraft(p.view, input, editing).entry;
      remember({ enteredBy: form.enteredBy.trim() });
      if (editing) {
        const edited = await editProgressRow(p.session.port, editing, entry);
        if (edited.kind === "edited") await p.onEdited(edited.sheet, edited.row);
        else if (edited.kind === "exists") await p.onExists(edited.sheet, edited.existing.at?.row ?? 0);
        else await p.onChanged(edited);
        return;
      }
      const result = await addProgressRow(p.session.port, entry, { allowDuplicate });
      if (result.kind === "added") await p.onSaved(result.sheet, result.row);
      else await p.onExists(result.sheet, result.existing.at?.row ?? 0);
    } catch (e) {
      p.onFailed(e);
    } finally {
      setSaving(false);
    }
  };

  const validation = (field: string) => {
    const f = byField.get(field);
    if (!f) return {};
    return { validationState: f.finding.severity === "error" ? ("error" as const) : ("warning" as const), validationMessage: <ThaiText text={shown(f.finding.message[prefs.lang])} /> };
  };
  const label = (field: string) => fieldLabel(field, prefs.lang);
  const text = (field: TextField, opts: { hint?: string; placeholder?: string; multiline?: boolean; wide?: boolean; inputMode?: "decimal" | "text" | "url" } = {}) => (
    <Field label={label(field)} hint={opts.hint} className={mergeClasses(s.field, opts.wide && s.wide)} {...validation(field)}>
      {opts.multiline ? (
        <Textarea className={s.control} value={form[field]} resize="vertical" onChange={(_, d) => set(field, d.value)} data-testid={`field-${field}`} data-field={field} />
      ) : (
        <Input className={s.control} value={form[field]} placeholder={opts.placeholder} inputMode={opts.inputMode} onChange={(_, d) => set(field, d.value)} data-testid={`field-${field}`} data-field={field} />
      )}
    </Field>
  );
  const choice = <K extends string>(field: "status" | "reason" | "budgetType", list: ClosedList<K>, value: K | undefined, onChange: (v: K | undefined) => void, required = false) => (
    <Field label={label(field)} required={required} className={s.field} {...validation(field)}>
      <Dropdown
        className={s.dropdown}
        value={value ? labelOf(list, value, prefs.lang) : t("notChosen")}
        selectedOptions={[value ?? ""]}
        onOptionSelect={(_, d) => onChange(d.optionValue ? (d.optionValue as K) : undefined)}
        data-testid={`field-${field}`}
        data-field={field}
      >
        {!required && <Option value="" text={t("notChosen")}>{t("notChosen")}</Option>}
        {list.entries.map((e) => <Option key={e.key} value={e.key} text={e[prefs.lang]}>{e[prefs.lang]}</Option>)}
      </Dropdown>
    </Field>
  );
  const dateHint = (field: "startDate" | "endDate") => {
    const v = form[field].trim();
    if (v === "" || byField.has(field)) return undefined;
    const d = enteredDate(v);
    return d ? shown(shortDate(d, prefs.lang)) : undefined;
  };
  const focusField = (field: string) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="item-detail"] [data-field="${field}"]`);
    el?.focus();
  };
  /** Closes the errors dialog and puts the cursor in the first field in error (after the dialog gave focus back). */
  const backToEdit = () => {
    setAskErrors(false);
    // an error on another row that this row causes (M4 on a later month) goes to the field of its column
    const first = blocking.find((f) => f.field !== undefined)?.field ?? blocking.map((f) => fieldOfColumn(p.view, f.finding.location)).find((x) => x !== undefined);
    if (first) setTimeout(() => focusField(first), 0);
  };

  if (existing && !allowDuplicate) {
    const at = existing.at;
    return (
      <div>
        <h4 className={s.sub}><ThaiText text={t("entryHeading", { month: p.monthText })} /></h4>
        <MessageBar intent="warning" layout="multiline" data-testid="existing-row" data-row={at?.row}>
          <MessageBarBody>
            <MessageBarTitle><ThaiText text={t("existingTitle")} /></MessageBarTitle>
            <ThaiText text={t("existingBody", { code, month: p.monthText, sheet: at?.sheet ?? "", row: num(at?.row ?? 0) })} />
          </MessageBarBody>
        </MessageBar>
        <div className={s.actions} style={{ marginTop: tokens.spacingVerticalS }}>
          {p.onReveal && at && (
            <Button icon={<LocationRegular />} onClick={() => p.onReveal?.({ sheet: at.sheet, row: at.row })} data-testid="reveal-existing">{t("showInSheet")}</Button>
          )}
          <Button appearance="primary" icon={<EditRegular />} onClick={() => p.onEdit(existing)} data-testid="edit-existing">{t("editThisRow")}</Button>
          <Button appearance="subtle" onClick={() => setAskDuplicate(true)} data-testid="add-anyway" {...restoreFocus}>{t("addAnyway")}</Button>
        </div>
        <Dialog open={askDuplicate} onOpenChange={(_, d) => setAskDuplicate(d.open)}>
          <DialogSurface className={s.surface} data-testid="confirm-duplicate">
            <DialogBody>
              <DialogTitle><ThaiText text={t("confirmDuplicateTitle")} /></DialogTitle>
              <DialogContent><ThaiText text={t("confirmDuplicateBody", { code, month: p.monthText, sheet: at?.sheet ?? "", row: num(at?.row ?? 0) })} /></DialogContent>
              <DialogActions>
                <Button appearance="primary" autoFocus onClick={() => setAskDuplicate(false)} data-testid="cancel-duplicate">{t("cancel")}</Button>
                <Button onClick={() => { setAskDuplicate(false); setAllowDuplicate(true); }} data-testid="confirm-add">{t("confirmAdd")}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
    );
  }

  return (
    <form
      aria-labelledby="entry-heading"
      data-testid="entry"
      data-editing={editing?.at?.row}
      onSubmit={(e) => {
        e.preventDefault();
        if (blocking.length > 0) setAskErrors(true);
        else void save();
      }}
    >
      <h4 className={s.sub} id="entry-heading" style={{ marginBottom: tokens.spacingVerticalS }}>
        <ThaiText text={editing ? t("editHeading", { month: p.monthText, row: num(editing.at?.row ?? 0) }) : t("entryHeading", { month: p.monthText })} />
      </h4>
      <div className={s.form}>
        {choice("status", PROGRESS_STATUSES, form.status, (v) => set("status", v), true)}
        {text("progressPct", { placeholder: t("pctPlaceholder"), inputMode: "decimal" })}
        {form.status === "notPossible" && choice("reason", NOT_POSSIBLE_REASONS, form.reason, (v) => set("reason", v))}
        {form.status === "notPossible" && text("reasonText")}
        {text("startDate", { placeholder: t("datePlaceholder"), hint: dateHint("startDate") })}
        {text("endDate", { placeholder: t("datePlaceholder"), hint: dateHint("endDate") })}
        {text("output")}
        {text("unit")}
        {text("indicatorResult", { multiline: true, wide: true })}
        {text("result", { multiline: true, wide: true })}
        {choice("budgetType", BUDGET_TYPES, form.budgetType, (v) => set("budgetType", v))}
        <Field label={label("inOrdinance")} className={s.field} {...validation("inOrdinance")}>
          <Dropdown
            className={s.dropdown}
            value={form.inOrdinance === undefined ? t("notChosen") : labelOf(YES_NO, form.inOrdinance ? "yes" : "no", prefs.lang)}
            selectedOptions={[form.inOrdinance === undefined ? "" : form.inOrdinance ? "yes" : "no"]}
            onOptionSelect={(_, d) => set("inOrdinance", d.optionValue ? d.optionValue === "yes" : undefined)}
            data-testid="field-inOrdinance"
            data-field="inOrdinance"
          >
            <Option value="" text={t("notChosen")}>{t("notChosen")}</Option>
            {YES_NO.entries.map((e) => <Option key={e.key} value={e.key} text={e[prefs.lang]}>{e[prefs.lang]}</Option>)}
          </Dropdown>
        </Field>
        {text("ordinanceAmount", { placeholder: t("amountPlaceholder"), inputMode: "decimal" })}
        {text("disbursed", { placeholder: t("amountPlaceholder"), hint: t("disbursedHint"), inputMode: "decimal" })}
        {text("evidence", { wide: true, inputMode: "url" })}
        {text("problems", { multiline: true, wide: true })}
        {text("recommendations", { multiline: true, wide: true })}
        {text("enteredBy", { wide: true })}
      </div>

      <div className={s.checks} style={{ marginTop: tokens.spacingVerticalM }} data-testid="draft-checks" data-errors={check.counts.error} data-warnings={check.counts.warning}>
        <Text weight="semibold">{t("liveChecks")}</Text>
        <Caption1 role="status" aria-live="polite" data-testid="draft-summary">
          <ThaiText text={check.findings.length === 0 ? t("draftOk") : t("draftCounts", { errors: num(check.counts.error), warnings: num(check.counts.warning) })} />
        </Caption1>
        {check.findings.length > 0 && (
          <ul className={s.findings}>
            {check.findings.map((f, i) => {
              const Icon = f.finding.severity === "error" ? ErrorCircleFilled : WarningFilled;
              const where = f.field ? `${label(f.field)} (${f.finding.location.cell ?? ""})` : f.elsewhere ? otherRowText(f, wb.progress, p.fy, t, num, prefs.lang) : undefined;
              return (
                <li key={`${f.finding.rule}|${f.field ?? ""}|${i}`} className={s.finding} data-testid="draft-finding" data-rule={f.finding.rule} data-field={f.field} data-severity={f.finding.severity}>
                  <Icon className={f.finding.severity === "error" ? s.error : s.warning} aria-hidden />
                  <span className={s.findingText}>
                    {where && (f.field ? (
                      <Button appearance="transparent" size="small" className={s.link} onClick={() => focusField(f.field as string)}>{`${f.finding.rule} · ${where}`}</Button>
                    ) : (
                      <Caption1Strong>{`${f.finding.rule} · ${where}`}</Caption1Strong>
                    ))}
                    {!where && <Caption1Strong>{f.finding.rule}</Caption1Strong>}
                    <Caption1><ThaiText text={shown(f.finding.message[prefs.lang])} /></Caption1>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <div className={s.actions} style={{ marginTop: tokens.spacingVerticalM }}>
        <Button type="submit" appearance="primary" icon={saving ? <Spinner size="extra-tiny" aria-hidden /> : <SaveRegular />} disabled={saving} data-testid="save-row">
          {t(saving ? "saving" : editing ? "saveEdit" : "save")}
        </Button>
        {editing && <Button onClick={p.onCancelEdit} disabled={saving} data-testid="cancel-edit">{t("cancelEdit")}</Button>}
      </div>

      <Dialog open={askErrors} onOpenChange={(_, d) => setAskErrors(d.open)}>
        <DialogSurface className={s.surface} data-testid="confirm-errors">
          <DialogBody>
            <DialogTitle><ThaiText text={t("confirmErrorsTitle", { n: num(blocking.length) })} /></DialogTitle>
            <DialogContent>
              <Body1><ThaiText text={t("confirmErrorsBody")} /></Body1>
              <ul className={thai.className}>
                {/* the rule id stays as written (M4), the message in the chosen digits, broken between Thai words */}
                {blocking.map((f, i) => <li key={i}>{`${f.finding.rule}: `}{thai.wrap(shown(f.finding.message[prefs.lang]))}</li>)}
              </ul>
            </DialogContent>
            <DialogActions>
              {/* the safe action first: it takes the focus when the dialog opens, so Enter, Enter never saves errors */}
              <Button appearance="primary" autoFocus onClick={backToEdit} data-testid="back-to-edit">{t("backToEdit")}</Button>
              <Button onClick={() => void save()} data-testid="save-anyway">{t("saveAnyway")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </form>
  );
}

/** "row 6 (ธ.ค. 2566)": the other row a finding is on (M4 passed on a later month, M7 going down after the draft …). */
function otherRowText(f: DraftFinding, progress: readonly ProgressEntry[], fy: FiscalYear, t: ReturnType<typeof usePrefs>["t"], num: (n: number) => string, lang: "th" | "en"): string {
  const loc = f.finding.location;
  const row = loc.row ?? Number(/\d+/.exec(loc.cell ?? "")?.[0] ?? 0);
  const entry = progress.find((p) => p.at?.sheet === loc.sheet && p.at.row === row);
  const month = entry?.month ? `${monthName(entry.month, lang)} ${num(monthYear(fy, entry.month))}` : "-";
  return t("otherRow", { row: num(row), month });
}
