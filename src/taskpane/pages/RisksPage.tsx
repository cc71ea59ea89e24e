/**
 * ความเสี่ยง: the register on the workbook's matrix. The heat maps before and after controls as coloured
 * grids with the number of risks in each cell (a cell is a button: it lists its risks); each risk with
 * its levels and the plan items that control it, and a warning where a high or very high risk has none.
 * Typical risks are added from the library in a dialog (appended to the register, then read again), and
 * the การประเมินความเสี่ยง sheet is generated in the workbook. Each risk can be edited in a dialog (its
 * scores, controls and plan items, with the register's checks as one types; Enter never saves a risk with
 * errors) or removed after a confirmation focused on "ยกเลิก"; a risk another writer changed meanwhile
 * is refused and the page reads again (issue 16). Where the session can watch the workbook,
 * the page reads it again shortly after each edit.
 */
import {
  Badge, Body1, Button, Caption1, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input,
  makeStyles, mergeClasses, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Option, Spinner, Subtitle2, Text, Textarea, tokens,
  useArrowNavigationGroup, useRestoreFocusTarget,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular, DocumentTableRegular, EditRegular, LocationRegular, WarningFilled } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useState } from "react";
import { SheetConflictError } from "../../app/port";
import { rowChangedMessage } from "../../app/row-edit";
import {
  addRisksFromLibrary, checkRiskDraft, editRisk, generateRiskReport, libraryInRegister, readRiskOverview, removeRisk, type RiskDraftInput, riskFieldLabel,
  RISK_REPORT_SHEET,
} from "../../app/risks";
import type { ReadResult } from "../../app/validate";
import { CONTROL_RATINGS, type ControlRating } from "../../domain/lists";
import type { RiskEntry } from "../../domain/plan";
import type { WorkbookSession } from "../../app/session";
import type { AssessedRisk } from "../../domain/risk/assess";
import { risksInCell } from "../../domain/risk/assess";
import { LIBRARY_AREAS, RISK_LIBRARY } from "../../domain/risk/library";
import { type RiskMatrix, score, type Scored } from "../../domain/risk/matrix";
import { plainMessage } from "../ErrorBar";
import { usePrefs } from "../prefs";
import { DownloadAction } from "../save";
import { ThaiText, useThaiWrap } from "../ThaiText";
import { useLiveRead } from "../useLiveRead";
import { focusBack } from "../focus-back";
import { useSafeFocus } from "../useSafeFocus";

type Side = "inherent" | "residual";
interface CellKey {
  readonly side: Side;
  readonly likelihood: number;
  readonly impact: number;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2 },
  maps: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalL },
  map: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  mapTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "separate", borderSpacing: "2px" },
  axis: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, textAlign: "start", padding: `0 ${tokens.spacingHorizontalXXS}`, whiteSpace: "nowrap" },
  axisTitle: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, textAlign: "center" },
  axisCol: { textAlign: "center", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  cell: {
    width: "36px", height: "34px", border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold, color: "#000000", cursor: "pointer", padding: 0,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
    ":hover": { filter: "brightness(0.92)" },
  },
  selectedCell: { outline: `3px solid ${tokens.colorNeutralForeground1}`, outlineOffset: "1px" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", margin: 0, padding: 0, listStyleType: "none" },
  swatch: { display: "inline-block", width: "14px", height: "14px", marginInlineEnd: tokens.spacingHorizontalXXS, verticalAlign: "middle", border: `1px solid ${tokens.colorNeutralStroke1}` },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  risk: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalS, minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  riskHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  levelBadge: { color: "#000000", border: `1px solid ${tokens.colorNeutralStroke1}` },
  wrap: { overflowWrap: "anywhere" },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXXS },
  area: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  libraryList: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  surface: { maxWidth: "min(640px, calc(100vw - 24px))" },
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, maxHeight: "60vh", overflowY: "auto" },
  cardActions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXS, marginInlineStart: "auto" },
  form: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", alignItems: "start", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, minWidth: 0 },
  wide: { gridColumn: "1 / -1" },
  control: { width: "100%", minWidth: 0 },
});

/** Reads the register at once, on demand, and (where the session can watch) after edits. */
function useRiskOverview(session: WorkbookSession) {
  const read = useCallback(() => readRiskOverview(session.port), [session]);
  const { value: overview, busy, error, load } = useLiveRead(session, read);
  return { overview, busy, error, load };
}

const levelColor = (s: Scored | undefined) => (s ? `#${s.level.color}` : undefined);

export function RisksPage({ session }: { session: WorkbookSession }) {
  const s = useStyles();
  const { t, num, prefs, text } = usePrefs();
  const { overview, busy, error, load } = useRiskOverview(session);
  const [selected, setSelected] = useState<CellKey>();
  const [status, setStatus] = useState<{ intent: "success" | "error" | "warning"; text: string }>();
  const [working, setWorking] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  /** The risk being edited or removed, as the user saw it (its row included). */
  const [editing, setEditing] = useState<RiskEntry>();
  const [removing, setRemoving] = useState<RiskEntry>();
  const cancelRemoveRef = useSafeFocus(removing !== undefined);

  const m = overview?.matrix;
  // the dialog gives focus back to the button that opened it when it closes
  const restoreFocus = useRestoreFocusTarget();
  const inRegister = useMemo(() => libraryInRegister(overview?.read.workbook.risks ?? []), [overview]);
  const shown = useMemo(() => {
    if (!overview || !m) return [];
    if (!selected) return overview.risks;
    // the cell's members as the core counts them for the heat map (domain/risk/assess.ts)
    const members = new Set(risksInCell(m, overview.risks.map((a) => a.risk), selected.side, selected.likelihood, selected.impact));
    return overview.risks.filter((a) => members.has(a.risk));
  }, [overview, m, selected]);
  const unlinkedHigh = overview?.risks.filter((a) => a.needsPlanItems).length ?? 0;

  const add = async (ids: readonly string[]) => {
    setLibraryOpen(false);
    if (ids.length === 0) return;
    setWorking(true);
    try {
      const added = await addRisksFromLibrary(session.port, ids);
      setStatus({ intent: "success", text: t("risksAdded", { n: num(added.risks.length), ids: added.risks.map((r) => r.id).join(", ") }) });
      setSelected(undefined);
      await load();
    } catch (e) {
      setStatus({ intent: "error", text: `${t("risksAddFailed")} ${text(plainMessage(e, prefs.lang))}` });
    } finally {
      setWorking(false);
    }
  };

  /** Back to the risk's own button after a dialog (the list may have been read again meanwhile). */
  const focusRisk = (row: number | undefined, button: "edit-risk" | "remove-risk") =>
    focusBack(row !== undefined ? `[data-testid="risk"][data-row="${row}"] [data-testid="${button}"]` : undefined,
      () => document.querySelector<HTMLElement>('[data-testid="risk-list-heading"]'));
  const refused = async (change: Parameters<typeof rowChangedMessage>[0]) => {
    await load();
    setStatus({ intent: "warning", text: text(rowChangedMessage(change)[prefs.lang]) });
  };

  const saveEdit = async (seen: RiskEntry, edited: RiskEntry) => {
    setWorking(true);
    try {
      const result = await editRisk(session.port, seen, edited);
      setEditing(undefined);
      if (result.kind === "changed") await refused(result);
      else {
        await load();
        setStatus({ intent: "success", text: t("riskEdited", { id: seen.id, sheet: result.sheet, row: num(result.row) }) });
      }
      focusRisk(seen.at?.row, "edit-risk");
    } catch (e) {
      setStatus({ intent: "error", text: `${t("riskSaveFailed")} ${text(plainMessage(e, prefs.lang))}` });
    } finally {
      setWorking(false);
    }
  };

  const remove = async () => {
    const seen = removing;
    if (!seen) return;
    setWorking(true);
    try {
      const result = await removeRisk(session.port, seen);
      setRemoving(undefined);
      if (result.kind === "changed") await refused(result);
      else {
        await load();
        setStatus({ intent: "success", text: t("riskRemoved", { id: seen.id, sheet: result.sheet, row: num(result.row) }) });
      }
      focusRisk(undefined, "remove-risk");
    } catch (e) {
      setRemoving(undefined);
      setStatus({ intent: "error", text: `${t("riskRemoveFailed")} ${text(plainMessage(e, prefs.lang))}` });
    } finally {
      setWorking(false);
    }
  };

  const generate = async () => {
    setWorking(true);
    try {
      await generateRiskReport(session.port);
      setStatus({ intent: "success", text: t(session.exportBytes ? "reportWrittenDownload" : "reportWritten", { sheet: RISK_REPORT_SHEET }) });
    } catch (e) {
      setStatus(e instanceof SheetConflictError
        ? { intent: "warning", text: t("reportConflict", { sheet: RISK_REPORT_SHEET }) }
        : { intent: "error", text: `${t("reportFailed")} ${text(plainMessage(e, prefs.lang))}` });
    } finally {
      setWorking(false);
    }
  };

  const reveal = session.reveal;
  const ready = overview !== undefined && !busy && !working;

  return (
    <section className={s.root} aria-labelledby="risks-heading" data-testid="risks" data-ready={ready ? "true" : "false"}>
      <div className={s.head}>
        <Subtitle2 as="h2" id="risks-heading" className={s.heading}>{t("risksHeading")}</Subtitle2>
        <div className={s.actions}>
          <Button icon={<AddRegular />} onClick={() => setLibraryOpen(true)} disabled={!overview || working} data-testid="open-library" {...restoreFocus}>{t("addFromLibrary")}</Button>
          <Button appearance="primary" icon={working ? <Spinner size="extra-tiny" aria-hidden /> : <DocumentTableRegular />} onClick={() => void generate()} disabled={!overview || working} data-testid="generate-report">
            {t("generateRiskReport")}
          </Button>
        </div>
      </div>

      {error !== undefined && (
        <MessageBar intent="error" layout="multiline" data-testid="risks-error">
          <MessageBarBody>
            <MessageBarTitle><ThaiText text={t("risksFailed")} /></MessageBarTitle>
            <ThaiText text={text(plainMessage(error, prefs.lang))} />
          </MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <MessageBar intent={status.intent} layout="multiline" data-testid="risks-status">
          <MessageBarBody><ThaiText text={status.text} /></MessageBarBody>
          {status.intent === "success" && session.exportBytes && (
            <MessageBarActions>
              <DownloadAction />
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {!overview && busy && <Spinner label={t("loading")} />}

      {overview && m && (
        <>
          <Text role="status" aria-live="polite" data-testid="risks-summary" data-total={overview.risks.length}>
            <ThaiText text={`${t("risksSummary", { n: num(overview.risks.length), size: `${num(m.size)}×${num(m.size)}` })} ${t(overview.matrixFromSheet ? "matrixFromSheet" : "matrixFromSetting")}`} />
          </Text>
          {unlinkedHigh > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="risks-unlinked">
              <MessageBarBody><ThaiText text={t("risksNeedItems", { n: num(unlinkedHigh) })} /></MessageBarBody>
            </MessageBar>
          )}
          <div className={s.maps}>
            <HeatMapGrid side="inherent" title={t("heatBefore")} matrix={m} counts={overview.heatMap.inherent} selected={selected} onSelect={setSelected} />
            <HeatMapGrid side="residual" title={t("heatAfter")} matrix={m} counts={overview.heatMap.residual} selected={selected} onSelect={setSelected} />
          </div>
          <ul className={s.legend} aria-label={t("levelsLegend")}>
            {m.levels.map((lv) => (
              <li key={lv.key}><span className={s.swatch} style={{ backgroundColor: `#${lv.color}` }} aria-hidden />{lv.name[prefs.lang]}</li>
            ))}
          </ul>

          <div className={s.head}>
            <Subtitle2 as="h3" className={s.heading} data-testid="risk-list-heading" tabIndex={-1}>
              {selected
                ? t(selected.side === "inherent" ? "risksInCellBefore" : "risksInCellAfter", { l: num(selected.likelihood), i: num(selected.impact), n: num(shown.length) })
                : t("allRisks", { n: num(shown.length) })}
            </Subtitle2>
            {selected && <Button size="small" appearance="subtle" onClick={() => setSelected(undefined)} data-testid="show-all-risks">{t("showAllRisks")}</Button>}
          </div>
          {shown.length === 0 && <Body1 data-testid="no-risks"><ThaiText text={t(overview.risks.length === 0 ? "registerEmpty" : "noRisksInCell")} /></Body1>}
          <ul className={s.list} data-testid="risk-list">
            {shown.map((a, i) => (
              <RiskCard
                key={`${a.risk.id}#${a.risk.at?.row ?? i}`}
                a={a}
                onReveal={reveal && a.risk.at ? () => void reveal({ sheet: a.risk.at?.sheet as string, cell: `A${a.risk.at?.row}` }) : undefined}
                onEdit={a.risk.at && !working ? () => { setStatus(undefined); setEditing(a.risk); } : undefined}
                onRemove={a.risk.at && !working ? () => setRemoving(a.risk) : undefined}
              />
            ))}
          </ul>
        </>
      )}
      <LibraryDialog open={libraryOpen} onClose={() => setLibraryOpen(false)} onAdd={(ids) => void add(ids)} inRegister={inRegister} />
      {editing && overview && (
        <RiskEditDialog
          key={`${editing.id}#${editing.at?.row ?? ""}`}
          seen={editing}
          read={overview.read}
          saving={working}
          onClose={() => { const row = editing.at?.row; setEditing(undefined); focusRisk(row, "edit-risk"); }}
          onSave={(edited) => void saveEdit(editing, edited)}
        />
      )}
      <Dialog open={removing !== undefined} onOpenChange={(_, d) => { if (!d.open && !working) { const row = removing?.at?.row; setRemoving(undefined); focusRisk(row, "remove-risk"); } }}>
        <DialogSurface className={s.surface} data-testid="confirm-remove-risk">
          <DialogBody>
            <DialogTitle><ThaiText text={t("confirmRemoveRiskTitle", { id: removing?.id ?? "" })} /></DialogTitle>
            <DialogContent><ThaiText text={t("confirmRemoveRiskBody", { id: removing?.id ?? "", event: removing?.event ?? "" })} /></DialogContent>
            <DialogActions>
              {/* the safe action takes the focus: Enter on an opened dialog never removes a risk */}
              <Button ref={cancelRemoveRef} appearance="primary" autoFocus disabled={working} onClick={() => { const row = removing?.at?.row; setRemoving(undefined); focusRisk(row, "remove-risk"); }} data-testid="cancel-remove-risk">{t("cancel")}</Button>
              <Button icon={working ? <Spinner size="extra-tiny" aria-hidden /> : <DeleteRegular />} disabled={working} onClick={() => void remove()} data-testid="confirm-remove-risk-button">{t("removeRisk")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

function HeatMapGrid(p: {
  side: Side; title: string; matrix: RiskMatrix; counts: readonly (readonly number[])[]; selected: CellKey | undefined; onSelect(k: CellKey): void;
}) {
  const s = useStyles();
  const { t, num, prefs } = usePrefs();
  const arrows = useArrowNavigationGroup({ axis: "grid-linear" });
  const m = p.matrix;
  const rows = Array.from({ length: m.size }, (_, k) => m.size - k);
  const cols = Array.from({ length: m.size }, (_, k) => k + 1);
  const headingId = `heat-${p.side}`;
  return (
    <div className={s.map} data-testid={`heatmap-${p.side}`}>
      <h3 id={headingId} className={s.mapTitle}>{p.title}</h3>
      <table className={s.table} aria-labelledby={headingId} {...arrows}>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={m.size} className={s.axisTitle}>{`${t("impact")} →`}</th>
          </tr>
          <tr>
            <th scope="col" className={s.axis}>{`${t("likelihood")} ↓`}</th>
            {cols.map((i) => <th key={i} scope="col" className={s.axisCol} title={m.impact[i - 1]?.[prefs.lang]}>{num(i)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l}>
              <th scope="row" className={s.axis}>{`${num(l)} ${m.likelihood[l - 1]?.[prefs.lang] ?? ""}`}</th>
              {cols.map((i) => {
                const count = p.counts[l - 1]?.[i - 1] ?? 0;
                const level = score(m, l, i);
                const isSelected = p.selected?.side === p.side && p.selected.likelihood === l && p.selected.impact === i;
                const name = t("heatCell", {
                  l: num(l), lLabel: m.likelihood[l - 1]?.[prefs.lang] ?? "", i: num(i), iLabel: m.impact[i - 1]?.[prefs.lang] ?? "",
                  level: level?.level.name[prefs.lang] ?? "-", n: num(count),
                });
                return (
                  <td key={i}>
                    <button
                      type="button"
                      className={mergeClasses(s.cell, isSelected && s.selectedCell)}
                      style={{ backgroundColor: levelColor(level) ?? "transparent" }}
                      aria-label={name}
                      aria-pressed={isSelected}
                      title={name}
                      data-testid="heat-cell"
                      data-side={p.side}
                      data-likelihood={l}
                      data-impact={i}
                      data-count={count}
                      data-level={level?.level.key}
                      onClick={() => p.onSelect({ side: p.side, likelihood: l, impact: i })}
                    >
                      {count > 0 ? num(count) : ""}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LevelBadge({ s: scored }: { s: Scored | undefined }) {
  const st = useStyles();
  const { num, prefs } = usePrefs();
  if (!scored) return <Badge appearance="outline" color="informative">-</Badge>;
  return (
    <Badge appearance="filled" className={st.levelBadge} style={{ backgroundColor: `#${scored.level.color}` }}>
      {`${scored.level.name[prefs.lang]} ${num(scored.score)}`}
    </Badge>
  );
}

interface RiskCardProps {
  a: AssessedRisk;
  onReveal: (() => void) | undefined;
  onEdit?: (() => void) | undefined;
  onRemove?: (() => void) | undefined;
}

function RiskCard({ a, onReveal, onEdit, onRemove }: RiskCardProps) {
  const s = useStyles();
  const { t, prefs, code, text } = usePrefs();
  const where = a.risk.at ? `${a.risk.at.sheet}!A${a.risk.at.row}` : "";
  return (
    <li className={s.risk} data-testid="risk" data-id={a.risk.id} data-row={a.risk.at?.row} data-needs-items={a.needsPlanItems ? "true" : undefined}>
      <div className={s.riskHead}>
        <Text weight="semibold">{a.risk.id || "-"}</Text>
        <LevelBadge s={a.inherent} />
        <Caption1 aria-hidden>→</Caption1>
        <Caption1>{t("residualShort")}</Caption1>
        <LevelBadge s={a.residual} />
        {onReveal && (
          <Button size="small" appearance="subtle" icon={<LocationRegular />} onClick={onReveal} aria-label={t("goToCell", { where })} data-testid="risk-go">
            {where}
          </Button>
        )}
        {(onEdit || onRemove) && (
          <span className={s.cardActions}>
            {onEdit && <Button size="small" appearance="subtle" icon={<EditRegular />} onClick={onEdit} aria-label={t("editRiskLabel", { id: a.risk.id || "-" })} data-testid="edit-risk">{t("editRisk")}</Button>}
            {onRemove && <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={onRemove} aria-label={t("removeRiskLabel", { id: a.risk.id || "-" })} data-testid="remove-risk">{t("removeRisk")}</Button>}
          </span>
        )}
      </div>
      <Caption1 className={s.wrap}><ThaiText text={text(a.risk.process) || "-"} /></Caption1>
      <Body1 className={s.wrap}><ThaiText text={text(a.risk.event) || "-"} /></Body1>
      <Caption1><ThaiText text={t("controlItems")} /></Caption1>
      {a.mitigations.length > 0 ? (
        <ul className={s.items} data-testid="risk-items">
          {a.mitigations.map((x, i) => (
            <li key={i} className={mergeClasses(s.wrap, !x.item && s.missing)} data-code={x.item?.code} data-missing={x.item ? undefined : "true"}>
              <ThaiText text={x.item ? `${code(x.item.code ?? "")} ${text(x.item.name)}`.trim() : `${x.text} (${t("notInPlan")})`} />
            </li>
          ))}
        </ul>
      ) : (
        <Caption1 className={s.note}><ThaiText text={t("noControlItems")} /></Caption1>
      )}
      {a.needsPlanItems && (
        <Caption1 role="note" className={s.warning} data-testid="risk-warning">
          <WarningFilled aria-hidden />
          <ThaiText text={t("needsPlanItems", { level: a.inherent?.level.name[prefs.lang] ?? "" })} />
        </Caption1>
      )}
    </li>
  );
}

type RiskTextField = Exclude<keyof RiskDraftInput, "controlRating">;
type RiskForm = Record<RiskTextField, string> & { readonly controlRating: ControlRating | "" };

function riskForm(r: RiskEntry): RiskForm {
  const n = (v: number | undefined) => (v === undefined ? "" : String(v));
  return {
    process: r.process, event: r.event, likelihood: n(r.likelihood), impact: n(r.impact), existingControls: r.existingControls,
    controlRating: r.controlRating ?? "", residualLikelihood: n(r.residualLikelihood), residualImpact: n(r.residualImpact),
    mitigations: r.mitigations.join(", "), owner: r.owner,
  };
}

/**
 * A risk's register row as a form: the same checks as the register (R1–R7 on the edited risk, as one
 * types). Saving (the button or Enter in a field) with an error saves nothing and puts the cursor in
 * the first field in error.
 */
function RiskEditDialog({ seen, read, saving, onClose, onSave }: { seen: RiskEntry; read: ReadResult; saving: boolean; onClose(): void; onSave(edited: RiskEntry): void }) {
  const s = useStyles();
  const { t, num, prefs, text: shown } = usePrefs();
  const thai = useThaiWrap();
  const [form, setForm] = useState<RiskForm>(() => riskForm(seen));
  const [tried, setTried] = useState(false);
  const check = useMemo(() => checkRiskDraft(read, seen, form), [read, seen, form]);
  const byField = useMemo(() => {
    const m = new Map<string, (typeof check.findings)[number]>();
    for (const f of check.findings) {
      const before = f.field ? m.get(f.field) : undefined;
      if (f.field && (!before || (before.finding.severity !== "error" && f.finding.severity === "error"))) m.set(f.field, f);
    }
    return m;
  }, [check]);
  const errors = check.findings.filter((f) => f.finding.severity === "error");
  const set = <K extends keyof RiskForm>(key: K, value: RiskForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const validation = (field: string) => {
    const f = byField.get(field);
    if (!f) return {};
    return { validationState: f.finding.severity === "error" ? ("error" as const) : ("warning" as const), validationMessage: <ThaiText text={shown(f.finding.message[prefs.lang])} /> };
  };
  const text = (field: RiskTextField, opts: { multiline?: boolean; wide?: boolean; hint?: string; numeric?: boolean } = {}) => (
    <Field label={<ThaiText text={riskFieldLabel(field, prefs.lang)} />} hint={opts.hint && <ThaiText text={opts.hint} />} className={opts.wide ? s.wide : undefined} {...validation(field)}>
      {opts.multiline ? (
        <Textarea className={s.control} value={form[field]} resize="vertical" onChange={(_, d) => set(field, d.value)} data-testid={`risk-field-${field}`} data-field={field} />
      ) : (
        <Input className={s.control} value={form[field]} inputMode={opts.numeric ? "numeric" : undefined} onChange={(_, d) => set(field, d.value)} data-testid={`risk-field-${field}`} data-field={field} />
      )}
    </Field>
  );
  const submit = () => {
    setTried(true);
    const first = errors.find((f) => f.field !== undefined)?.field;
    if (errors.length === 0) onSave(check.entry);
    else if (first) document.querySelector<HTMLElement>(`[data-testid="risk-edit"] [data-field="${first}"]`)?.focus();
  };
  return (
    <Dialog open onOpenChange={(_, d) => { if (!d.open && !saving) onClose(); }}>
      <DialogSurface className={s.surface} data-testid="risk-edit" data-errors={check.counts.error}>
        <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <DialogBody>
            <DialogTitle><ThaiText text={t("editRiskTitle", { id: seen.id || "-" })} /></DialogTitle>
            <DialogContent className={s.content}>
              <div className={s.form}>
                {text("event", { multiline: true, wide: true })}
                {text("process", { wide: true })}
                {text("likelihood", { numeric: true })}
                {text("impact", { numeric: true })}
                {text("existingControls", { multiline: true, wide: true })}
                <Field label={<ThaiText text={riskFieldLabel("controlRating", prefs.lang)} />} {...validation("controlRating")}>
                  <Dropdown
                    className={s.control}
                    value={form.controlRating ? (CONTROL_RATINGS.entries.find((e) => e.key === form.controlRating)?.[prefs.lang] ?? "") : t("notChosen")}
                    selectedOptions={[form.controlRating]}
                    onOptionSelect={(_, d) => set("controlRating", (d.optionValue ?? "") as ControlRating | "")}
                    data-testid="risk-field-controlRating"
                    data-field="controlRating"
                  >
                    <Option value="" text={t("notChosen")}>{t("notChosen")}</Option>
                    {CONTROL_RATINGS.entries.map((e) => <Option key={e.key} value={e.key} text={e[prefs.lang]}>{e[prefs.lang]}</Option>)}
                  </Dropdown>
                </Field>
                {text("residualLikelihood", { numeric: true })}
                {text("residualImpact", { numeric: true })}
                {text("mitigations", { wide: true, hint: t("riskMitigationsHint") })}
                {text("owner", { wide: true })}
              </div>
              <Caption1 role="status" aria-live="polite" data-testid="risk-draft-summary">
                <ThaiText text={check.findings.length === 0 ? t("draftOk") : t("draftCounts", { errors: num(check.counts.error), warnings: num(check.counts.warning) })} />
              </Caption1>
              {tried && errors.length > 0 && (
                <MessageBar intent="error" layout="multiline" data-testid="risk-edit-errors">
                  <MessageBarBody>
                    <ThaiText text={t("riskDraftErrors", { n: num(errors.length) })} />
                    {/* the rule id as written (R2), the message in the chosen digits, broken between Thai words */}
                    <ul className={thai.className}>{errors.map((f, i) => <li key={i}>{`${f.finding.rule}: `}{thai.wrap(shown(f.finding.message[prefs.lang]))}</li>)}</ul>
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={saving} icon={saving ? <Spinner size="extra-tiny" aria-hidden /> : undefined} data-testid="risk-save">{t("saveEdit")}</Button>
              <Button onClick={onClose} disabled={saving} data-testid="risk-edit-cancel">{t("cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function LibraryDialog({ open, onClose, onAdd, inRegister }: { open: boolean; onClose(): void; onAdd(ids: string[]): void; inRegister: ReadonlySet<string> }) {
  const s = useStyles();
  const { t, num, prefs } = usePrefs();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (open) setChosen(new Set());
  }, [open]);
  const areas = Object.entries(LIBRARY_AREAS).map(([area, name]) => ({ area, name, entries: RISK_LIBRARY.filter((r) => r.area === area) })).filter((a) => a.entries.length > 0);
  const toggle = (id: string, on: boolean) => setChosen((c) => {
    const next = new Set(c);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  return (
    <Dialog open={open} onOpenChange={(_, d) => { if (!d.open) onClose(); }}>
      <DialogSurface className={s.surface} data-testid="library-dialog">
        <DialogBody>
          <DialogTitle><ThaiText text={t("libraryTitle")} /></DialogTitle>
          <DialogContent className={s.content}>
            <Body1><ThaiText text={t("libraryBody")} /></Body1>
            {areas.map((a) => (
              <div key={a.area} role="group" aria-labelledby={`library-${a.area}`}>
                <h3 id={`library-${a.area}`} className={s.area}><ThaiText text={a.name[prefs.lang]} /></h3>
                <ul className={s.libraryList}>
                  {a.entries.map((r) => (
                    <li key={r.id}>
                      {/* already in the register: shown checked and greyed, with the words, so it is not added twice */}
                      <Checkbox
                        checked={inRegister.has(r.id) || chosen.has(r.id)}
                        disabled={inRegister.has(r.id)}
                        onChange={(_, d) => toggle(r.id, d.checked === true)}
                        label={<ThaiText text={`${r.event[prefs.lang]} (${t("suggested", { l: num(r.likelihood), i: num(r.impact) })})${inRegister.has(r.id) ? ` — ${t("inRegister")}` : ""}`} />}
                        data-testid="library-entry"
                        data-id={r.id}
                        data-in-register={inRegister.has(r.id) ? "true" : "false"}
                      />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={chosen.size === 0} onClick={() => onAdd([...chosen])} data-testid="library-add">
              {t("libraryAdd", { n: num(chosen.size) })}
            </Button>
            <Button onClick={onClose} data-testid="library-cancel">{t("cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
