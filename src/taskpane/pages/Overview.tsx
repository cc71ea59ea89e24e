/** ภาพรวม: the workbook's organization and plan period, and per dimension the items by kind and budget per year. */
import {
  Body1, Caption1, Card, CardHeader, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Table,
  TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from "@fluentui/react-components";
import { useEffect } from "react";
import type { Inspection } from "../../app/inspect";
import type { PlanTotals } from "../../domain/summary";
import { usePrefs } from "../prefs";
import { FindingsList } from "./FindingsList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  cards: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: tokens.spacingHorizontalM },
  counts: { display: "grid", gridTemplateColumns: "repeat(4, 1fr)", gap: tokens.spacingHorizontalXS, margin: 0 },
  count: { display: "flex", flexDirection: "column", alignItems: "center", padding: tokens.spacingVerticalXS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  countValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, margin: 0 },
  countLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  total: { borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  amount: { textAlign: "end", justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
  sumRow: { fontWeight: tokens.fontWeightSemibold },
});

export function Overview({ inspection }: { inspection: Inspection }) {
  const s = useStyles();
  const { t, num } = usePrefs();
  const { summary, read } = inspection;
  const settings = read.workbook.settings;
  useEffect(() => {
    // the render benchmark and the e2e tests time page load to this mark (jsdom has no User Timing)
    if (typeof performance.mark === "function") performance.mark("sujarit:dashboard");
  }, []);
  const place = [settings.district && `${t("districtShort")}${settings.district}`, settings.province && `${t("provinceShort")}${settings.province}`].filter(Boolean).join(" ");
  return (
    <section className={s.root} data-testid="dashboard" data-ready="true" aria-labelledby="overview-heading">
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
      <div className={s.cards}>
        {summary.dimensions.map((d) => (
          <DimensionCard
            key={d.dimension ?? "none"}
            testId={d.dimension ? `dimension-${d.dimension}` : "dimension-unplaced"}
            title={d.dimension ? `${t("dimension")} ${num(d.dimension)}` : t("unplaced")}
            subtitle={d.name}
            totals={d}
          />
        ))}
        <DimensionCard testId="dimension-total" title={t("total")} totals={summary.total} emphasis />
      </div>
      <Body1>
        {`${t("progressRows")}: ${num(summary.progressRows)} · ${t("risks")}: ${num(summary.risks)}`}
      </Body1>
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

function DimensionCard(props: { testId: string; title: string; subtitle?: string; totals: PlanTotals; emphasis?: boolean }) {
  const s = useStyles();
  const { t, num, money } = usePrefs();
  const { totals } = props;
  const headingId = `${props.testId}-heading`;
  const counts: { key: string; label: string; value: number }[] = [
    { key: "project", label: t("projects"), value: totals.byKind.project },
    { key: "activity", label: t("activities"), value: totals.byKind.activity },
    { key: "measure", label: t("measures"), value: totals.byKind.measure },
    { key: "items", label: t("items"), value: totals.items },
  ];
  return (
    <Card className={props.emphasis ? s.total : undefined} data-testid={props.testId} role="group" aria-labelledby={headingId}>
      <CardHeader
        header={<Text weight="semibold" id={headingId}>{props.title}</Text>}
        description={props.subtitle ? <Caption1>{props.subtitle}</Caption1> : undefined}
      />
      <dl className={s.counts}>
        {counts.map((c) => (
          <div key={c.key} className={s.count}>
            <dt className={s.countLabel}>{c.label}</dt>
            <dd className={s.countValue} data-count={c.key} data-value={c.value}>{num(c.value)}</dd>
          </div>
        ))}
      </dl>
      <Table size="extra-small" aria-label={`${t("budgetByYear")} — ${props.title}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("fiscalYear")}</TableHeaderCell>
            <TableHeaderCell className={s.amount}>{t("amount")}</TableHeaderCell>
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
            <TableCell>{t("sumAllYears")}</TableCell>
            <TableCell className={s.amount} data-budget-year="all" data-value={totals.total}>{money(totals.total)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Card>
  );
}
