/**
 * ความเสี่ยง: the register on the workbook's matrix. The heat maps before and after controls as coloured
 * grids with the number of risks in each cell (a cell is a button: it lists its risks); each risk with
 * its levels and the plan items that control it, and a warning where a high or very high risk has none.
 * Typical risks are added from the library in a dialog (appended to the register, then read again), and
 * the การประเมินความเสี่ยง sheet is generated in the workbook. Where the session can watch the workbook,
 * the page reads it again shortly after each edit.
 */
import {
  Badge, Body1, Button, Caption1, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle,
  makeStyles, mergeClasses, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, tokens, useArrowNavigationGroup, useRestoreFocusTarget,
} from "@fluentui/react-components";
import { AddRegular, DocumentTableRegular, LocationRegular, WarningFilled } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useState } from "react";
import { SheetConflictError } from "../../app/port";
import { addRisksFromLibrary, generateRiskReport, libraryInRegister, readRiskOverview, RISK_REPORT_SHEET } from "../../app/risks";
import type { WorkbookSession } from "../../app/session";
import type { AssessedRisk } from "../../domain/risk/assess";
import { risksInCell } from "../../domain/risk/assess";
import { LIBRARY_AREAS, RISK_LIBRARY } from "../../domain/risk/library";
import { type RiskMatrix, score, type Scored } from "../../domain/risk/matrix";
import { plainMessage } from "../ErrorBar";
import { usePrefs } from "../prefs";
import { DownloadAction } from "../save";
import { useLiveRead } from "../useLiveRead";

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
  const { t, num, prefs } = usePrefs();
  const { overview, busy, error, load } = useRiskOverview(session);
  const [selected, setSelected] = useState<CellKey>();
  const [status, setStatus] = useState<{ intent: "success" | "error" | "warning"; text: string }>();
  const [working, setWorking] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);

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
      setStatus({ intent: "error", text: `${t("risksAddFailed")} ${plainMessage(e, prefs.lang)}` });
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
        : { intent: "error", text: `${t("reportFailed")} ${plainMessage(e, prefs.lang)}` });
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
            <MessageBarTitle>{t("risksFailed")}</MessageBarTitle>
            {plainMessage(error, prefs.lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <MessageBar intent={status.intent} layout="multiline" data-testid="risks-status">
          <MessageBarBody>{status.text}</MessageBarBody>
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
            {t("risksSummary", { n: num(overview.risks.length), size: `${num(m.size)}×${num(m.size)}` })}
            {" "}
            {t(overview.matrixFromSheet ? "matrixFromSheet" : "matrixFromSetting")}
          </Text>
          {unlinkedHigh > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="risks-unlinked">
              <MessageBarBody>{t("risksNeedItems", { n: num(unlinkedHigh) })}</MessageBarBody>
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
            <Subtitle2 as="h3" className={s.heading} data-testid="risk-list-heading">
              {selected
                ? t(selected.side === "inherent" ? "risksInCellBefore" : "risksInCellAfter", { l: num(selected.likelihood), i: num(selected.impact), n: num(shown.length) })
                : t("allRisks", { n: num(shown.length) })}
            </Subtitle2>
            {selected && <Button size="small" appearance="subtle" onClick={() => setSelected(undefined)} data-testid="show-all-risks">{t("showAllRisks")}</Button>}
          </div>
          {shown.length === 0 && <Body1 data-testid="no-risks">{t(overview.risks.length === 0 ? "registerEmpty" : "noRisksInCell")}</Body1>}
          <ul className={s.list} data-testid="risk-list">
            {shown.map((a, i) => (
              <RiskCard key={`${a.risk.id}#${a.risk.at?.row ?? i}`} a={a} onReveal={reveal && a.risk.at ? () => void reveal({ sheet: a.risk.at?.sheet as string, cell: `A${a.risk.at?.row}` }) : undefined} />
            ))}
          </ul>
        </>
      )}
      <LibraryDialog open={libraryOpen} onClose={() => setLibraryOpen(false)} onAdd={(ids) => void add(ids)} inRegister={inRegister} />
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

function RiskCard({ a, onReveal }: { a: AssessedRisk; onReveal: (() => void) | undefined }) {
  const s = useStyles();
  const { t, prefs } = usePrefs();
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
      </div>
      <Caption1 className={s.wrap}>{a.risk.process || "-"}</Caption1>
      <Body1 className={s.wrap}>{a.risk.event || "-"}</Body1>
      <Caption1>{t("controlItems")}</Caption1>
      {a.mitigations.length > 0 ? (
        <ul className={s.items} data-testid="risk-items">
          {a.mitigations.map((x, i) => (
            <li key={i} className={mergeClasses(s.wrap, !x.item && s.missing)} data-code={x.item?.code} data-missing={x.item ? undefined : "true"}>
              {x.item ? `${x.item.code ?? ""} ${x.item.name}`.trim() : `${x.text} (${t("notInPlan")})`}
            </li>
          ))}
        </ul>
      ) : (
        <Caption1 className={s.note}>{t("noControlItems")}</Caption1>
      )}
      {a.needsPlanItems && (
        <Caption1 role="note" className={s.warning} data-testid="risk-warning">
          <WarningFilled aria-hidden />
          {t("needsPlanItems", { level: a.inherent?.level.name[prefs.lang] ?? "" })}
        </Caption1>
      )}
    </li>
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
          <DialogTitle>{t("libraryTitle")}</DialogTitle>
          <DialogContent className={s.content}>
            <Body1>{t("libraryBody")}</Body1>
            {areas.map((a) => (
              <div key={a.area} role="group" aria-labelledby={`library-${a.area}`}>
                <h3 id={`library-${a.area}`} className={s.area}>{a.name[prefs.lang]}</h3>
                <ul className={s.libraryList}>
                  {a.entries.map((r) => (
                    <li key={r.id}>
                      {/* already in the register: shown checked and greyed, with the words, so it is not added twice */}
                      <Checkbox
                        checked={inRegister.has(r.id) || chosen.has(r.id)}
                        disabled={inRegister.has(r.id)}
                        onChange={(_, d) => toggle(r.id, d.checked === true)}
                        label={`${r.event[prefs.lang]} (${t("suggested", { l: num(r.likelihood), i: num(r.impact) })})${inRegister.has(r.id) ? ` — ${t("inRegister")}` : ""}`}
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
