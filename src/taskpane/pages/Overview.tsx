/**
 * ภาพรวม: where the plan stands and what to do next — the next step as a button, the checks by severity,
 * the report round (statuses, disbursed against allocation and plan), risks by level — then the plan
 * itself, one line per dimension that opens on its kinds and yearly budgets. Every figure is the core's
 * (app/dashboard.ts); compact at 340 px.
 */
import {
  Button, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from "@fluentui/react-components";
import { ArrowRightRegular } from "@fluentui/react-icons";
import { useEffect, useMemo } from "react";
import { dashboardOf, type NextStep } from "../../app/dashboard";
import type { Inspection } from "../../app/inspect";
import type { RoundStatus } from "../../domain/progress/round";
import type { PlanTotals } from "../../domain/summary";
import type { MessageKey } from "../i18n";
import { usePrefs } from "../prefs";
import { ThaiText } from "../ThaiText";
import { FindingsList } from "./FindingsList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  panel: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2,
  },
  next: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  tiles: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(64px, 1fr))", gap: tokens.spacingHorizontalXS, margin: 0 },
  tile: { display: "flex", flexDirection: "column", alignItems: "center", padding: tokens.spacingVerticalXS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3, textAlign: "center" },
  tileError: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  tileWarning: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  tileValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, margin: 0 },
  tileLabel: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  bar: { display: "flex", height: "10px", borderRadius: tokens.borderRadiusMedium, overflow: "hidden", backgroundColor: tokens.colorNeutralBackground3 },
  legend: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  legendTerm: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  swatch: { width: "10px", height: "10px", borderRadius: "2px", flexShrink: 0, outline: `1px solid ${tokens.colorNeutralStroke1}` },
  legendValue: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  money: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  meter: { height: "6px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3, overflow: "hidden" },
  meterFill: { height: "100%", backgroundColor: tokens.colorBrandBackground },
  meterOver: { backgroundColor: tokens.colorPaletteRedBackground3 },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: "none" },
  chip: {
    display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, padding: `2px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorNeutralBackground3,
  },
  dims: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  dim: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXXS },
  dimSummary: { cursor: "pointer", display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXXS} 0` },
  dimTitle: { fontWeight: tokens.fontWeightSemibold },
  counts: { display: "grid", gridTemplateColumns: "repeat(4, 1fr)", gap: tokens.spacingHorizontalXS, margin: `${tokens.spacingVerticalXS} 0` },
  amount: { textAlign: "end", justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
  sumRow: { fontWeight: tokens.fontWeightSemibold },
});

/** Where the next step's button goes. */
export type DashboardTarget = "check" | "monthly" | "reports";

const STATUS_ORDER: readonly { status: RoundStatus; label: MessageKey; color: string }[] = [
  { status: "done", label: "reportsDone", color: tokens.colorPaletteGreenBackground3 },
  { status: "inProgress", label: "reportsInProgress", color: tokens.colorPaletteYellowBackground3 },
  { status: "notStarted", label: "roundNotStarted", color: tokens.colorPaletteDarkOrangeBackground3 },
  { status: "notPossible", label: "reportsNotPossible", color: tokens.colorPaletteRedBackground3 },
  { status: "notReported", label: "reportsNotReported", color: tokens.colorNeutralStrokeAccessible },
];

export function Overview({ inspection, onGo }: { inspection: Inspection; onGo?: (page: DashboardTarget) => void }) {
  const s = useStyles();
  const { t, num, money, prefs } = usePrefs();
  const { summary, read } = inspection;
  const settings = read.workbook.settings;
  const board = useMemo(() => dashboardOf(read, new Date()), [read]);
  useEffect(() => {
    // the render benchmark and the e2e tests time page load to this mark (jsdom has no User Timing)
    if (typeof performance.mark === "function") performance.mark("sujarit:dashboard");
  }, []);
  const place = [settings.district && `${t("districtShort")}${settings.district}`, settings.province && `${t("provinceShort")}${settings.province}`].filter(Boolean).join(" ");
  const { round, request } = board;
  const totals = round.total;
  const vars = { round: request.round, fy: request.fy };
  const pct = totals.ordinance > 0 ? Math.round((totals.disbursed / totals.ordinance) * 1000) / 10 : undefined;
  const riskCount = board.riskLevels.reduce((n, l) => n + l.count, 0) + board.unscoredRisks;
  return (
    <section className={s.root} data-testid="dashboard" data-ready="true" aria-labelledby="overview-heading">
      <div>
        <h2 id="overview-heading" style={{ margin: 0 }}>
          <Subtitle2>{summary.orgName || "—"}</Subtitle2>
        </h2>
        <dl className={s.facts}>
          {place && (
            <>
              <dt className={s.term}>{t("location")}</dt>
              <dd className={s.def}>{place}</dd>
            </>
          )}
          <dt className={s.term}>{t("period")}</dt>
          <dd className={s.def} data-testid="period" data-first={summary.firstYear} data-last={summary.lastYear}>
            {`พ.ศ. ${num(summary.firstYear)}–${num(summary.lastYear)} (${num(summary.years.length)} ${t("years")})`}
          </dd>
          <dt className={s.term}>{t("framework")}</dt>
          <dd className={s.def}>{`ป.ป.ช. ${num(Number(summary.framework.slice(0, 4)))}–${num(Number(summary.framework.slice(5)))}`}</dd>
        </dl>
      </div>

      <NextStepPanel next={board.next} onGo={onGo} />

      <section className={s.panel} aria-labelledby="checks-status-heading" data-testid="checks-status">
        <h3 id="checks-status-heading" className={s.heading}>{t("checksStatusHeading")}</h3>
        <dl className={s.tiles}>
          {(["error", "warning", "info"] as const).map((sev) => (
            <div key={sev} className={`${s.tile} ${sev === "error" && board.checks.error > 0 ? s.tileError : sev === "warning" && board.checks.warning > 0 ? s.tileWarning : ""}`}>
              <dt className={s.tileLabel}>{t(sev === "error" ? "severityError" : sev === "warning" ? "severityWarning" : "severityInfo")}</dt>
              <dd className={s.tileValue} data-severity-count={sev} data-value={board.checks[sev]}>{num(board.checks[sev])}</dd>
            </div>
          ))}
        </dl>
        {onGo && (
          <div>
            <Button size="small" appearance="subtle" icon={<ArrowRightRegular />} iconPosition="after" onClick={() => onGo("check")} data-testid="open-checks">
              {board.checks.error === 0 ? `${t("checksStatusNone")} · ${t("openChecks")}` : t("openChecks")}
            </Button>
          </div>
        )}
      </section>

      <section className={s.panel} aria-labelledby="round-heading" data-testid="round-status" data-fy={request.fy} data-round={request.round}>
        <h3 id="round-heading" className={s.heading}>{t("roundHeading", vars)}</h3>
        <Caption1>{t("roundItems", { n: totals.items })}</Caption1>
        <div className={s.bar} aria-hidden="true">
          {STATUS_ORDER.map(({ status, color }) =>
            totals.byStatus[status] > 0 ? <div key={status} style={{ flexGrow: totals.byStatus[status], backgroundColor: color }} /> : null,
          )}
        </div>
        <dl className={s.legend}>
          {STATUS_ORDER.map(({ status, label, color }) => (
            <div key={status} style={{ display: "contents" }}>
              <dt className={s.legendTerm}>
                <span className={s.swatch} style={{ backgroundColor: color }} aria-hidden="true" />
                <ThaiText text={t(label)} />
              </dt>
              <dd className={s.legendValue} data-status-count={status} data-value={totals.byStatus[status]}>{num(totals.byStatus[status])}</dd>
            </div>
          ))}
        </dl>
        <div className={s.money} data-testid="round-money">
          <Text weight="semibold" data-disbursed={totals.disbursed}>{t("roundDisbursed", { disbursed: money(totals.disbursed) })}</Text>
          {pct !== undefined ? (
            <>
              <Caption1 data-allocation={totals.ordinance}>{t("roundOfAllocation", { amount: money(totals.ordinance), pct: pct.toLocaleString(prefs.lang === "th" ? "th-TH" : "en-US") })}</Caption1>
              <div className={s.meter} role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(100, pct)} aria-label={t("roundOfAllocation", { amount: money(totals.ordinance), pct })}>
                <div className={`${s.meterFill} ${pct > 100 ? s.meterOver : ""}`} style={{ width: `${Math.min(100, pct)}%` }} />
              </div>
            </>
          ) : (
            <Caption1>{t("roundNoAllocation")}</Caption1>
          )}
          <Caption1 data-planned={totals.planned}>{t("roundOfPlan", { amount: money(totals.planned) })}</Caption1>
        </div>
      </section>

      <section className={s.panel} aria-labelledby="risk-levels-heading" data-testid="risk-levels">
        <h3 id="risk-levels-heading" className={s.heading}>{t("dashRisksHeading", { n: riskCount })}</h3>
        {riskCount === 0 ? (
          <Caption1><ThaiText text={t("risksNone")} /></Caption1>
        ) : (
          <ul className={s.chips}>
            {[...board.riskLevels].reverse().map(({ level, count }) => (
              <li key={level.key} className={s.chip} data-risk-level={level.key} data-value={count}>
                <span className={s.swatch} style={{ backgroundColor: `#${level.color}` }} aria-hidden="true" />
                <ThaiText text={`${level.name[prefs.lang]} ${num(count)}`} />
              </li>
            ))}
            {board.unscoredRisks > 0 && <li className={s.chip} data-risk-level="unscored" data-value={board.unscoredRisks}>{t("risksUnscored", { n: board.unscoredRisks })}</li>}
          </ul>
        )}
        {board.risksNeedingItems > 0 && <Caption1 data-testid="risks-need-items"><ThaiText text={t("risksNeedItems", { n: board.risksNeedingItems })} /></Caption1>}
      </section>

      <section className={s.panel} aria-labelledby="plan-heading">
        <h3 id="plan-heading" className={s.heading}>{t("planHeading")}</h3>
        <div className={s.dims}>
          {summary.dimensions.map((d) => (
            <DimensionLine
              key={d.dimension ?? "none"}
              testId={d.dimension ? `dimension-${d.dimension}` : "dimension-unplaced"}
              title={d.dimension ? `${t("dimension")} ${num(d.dimension)}` : t("unplaced")}
              subtitle={d.name}
              totals={d}
            />
          ))}
          <DimensionLine testId="dimension-total" title={t("total")} totals={summary.total} />
        </div>
        <Caption1>{`${t("progressRows")}: ${num(summary.progressRows)}`}</Caption1>
      </section>

      {read.findings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("readFindings")}</MessageBarTitle>
            <FindingsList findings={read.findings} />
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function NextStepPanel({ next, onGo }: { next: NextStep; onGo: ((page: DashboardTarget) => void) | undefined }) {
  const s = useStyles();
  const { t } = usePrefs();
  const [text, button, target]: [string, string, DashboardTarget] =
    next.kind === "fixErrors" ? [t("nextFixErrors", { n: next.errors }), t("nextFixErrorsButton", { n: next.errors }), "check"]
    : next.kind === "reportItems" ? [t("nextReportItems", { n: next.items, round: next.request.round, fy: next.request.fy }), t("nextReportItemsButton", { n: next.items }), "monthly"]
    : [t("nextGenerate", { round: next.request.round, fy: next.request.fy }), t("nextGenerateButton", { round: next.request.round }), "reports"];
  return (
    <section className={`${s.panel} ${s.next}`} aria-labelledby="next-step-heading" data-testid="next-step" data-next={next.kind}>
      <h3 id="next-step-heading" className={s.heading}>{t("nextStepHeading")}</h3>
      <Text><ThaiText text={text} /></Text>
      {onGo && (
        <div>
          <Button appearance="primary" icon={<ArrowRightRegular />} iconPosition="after" onClick={() => onGo(target)} data-testid="next-step-button" data-target={target}>
            {button}
          </Button>
        </div>
      )}
    </section>
  );
}

function DimensionLine(props: { testId: string; title: string; subtitle?: string; totals: PlanTotals }) {
  const s = useStyles();
  const { t, num, money, text } = usePrefs();
  const { totals } = props;
  const counts: { key: string; label: MessageKey; value: number }[] = [
    { key: "project", label: "projects", value: totals.byKind.project },
    { key: "activity", label: "activities", value: totals.byKind.activity },
    { key: "measure", label: "measures", value: totals.byKind.measure },
    { key: "items", label: "items", value: totals.items },
  ];
  return (
    <details className={s.dim} data-testid={props.testId}>
      <summary className={s.dimSummary}>
        <span className={s.dimTitle}>{props.title}</span>
        <span>{t("planDimensionLine", { items: totals.items, amount: money(totals.total) })}</span>
        {props.subtitle && <Caption1 style={{ flexBasis: "100%" }}><ThaiText text={text(props.subtitle)} /></Caption1>}
      </summary>
      <dl className={s.counts}>
        {counts.map((c) => (
          <div key={c.key} className={s.tile}>
            <dt className={s.tileLabel}>{t(c.label)}</dt>
            <dd className={s.tileValue} data-count={c.key} data-value={c.value}>{num(c.value)}</dd>
          </div>
        ))}
      </dl>
      <Table size="extra-small" aria-label={`${t("budgetByYear")} — ${props.title}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell><ThaiText text={t("fiscalYear")} /></TableHeaderCell>
            <TableHeaderCell className={s.amount}><ThaiText text={t("amount")} /></TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {totals.budgets.map((b) => (
            <TableRow key={b.year}>
              <TableCell>{num(b.year)}</TableCell>
              <TableCell className={s.amount} data-budget-year={b.year} data-value={b.amount}>{money(b.amount)}</TableCell>
            </TableRow>
          ))}
          <TableRow className={s.sumRow}>
            <TableCell><ThaiText text={t("sumAllYears")} /></TableCell>
            <TableCell className={s.amount} data-budget-year="all" data-value={totals.total}>{money(totals.total)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </details>
  );
}
