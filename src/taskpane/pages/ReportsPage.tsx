/**
 * รายงาน: the planner picks the fiscal year and round, sees the round's figures (the same the report
 * prints) and the checks' errors that would make the report wrong, then generates every report sheet in
 * one write. With errors the report is still made, marked draft on every sheet. A sheet of a report's name
 * that Sujarit did not make is listed and only replaced when the planner ticks the box. Where the session
 * can watch the workbook, the preview follows edits.
 */
import {
  Body1, Button, Caption1, Checkbox, Field, makeStyles, mergeClasses, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select,
  Spinner, Subtitle2, tokens,
} from "@fluentui/react-components";
import { DocumentTableRegular, LocationRegular, PrintRegular } from "@fluentui/react-icons";
import { useCallback, useMemo, useState } from "react";
import { SheetConflictError } from "../../app/port";
import {
  type GeneratedReports, generateReports, OPTIONAL_APPENDICES, type OptionalAppendix, previewReport, REPORT_SHEETS, REPORT_SHEETS_EN, type ReportRequest, reportSheetKeys, writeReportOnly,
} from "../../app/report";
import type { WorkbookSession } from "../../app/session";
import type { ReportRound } from "../../domain/lists";
import type { RoundTotals } from "../../domain/progress/round";
import { fiscalYear } from "../../domain/units";
import { plainMessage } from "../ErrorBar";
import { usePrefs } from "../prefs";
import { DownloadAction, saveXlsxAs } from "../save";
import { WriteProgress, type WriteProgressState } from "../WriteProgress";
import { useLiveRead } from "../useLiveRead";
import { ScrollArea } from "../ScrollArea";
import { ThaiText } from "../ThaiText";
import { FindingsList } from "./FindingsList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  choices: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "flex-start" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  th: { textAlign: "end", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, verticalAlign: "bottom" },
  thFirst: { textAlign: "start" },
  td: { textAlign: "end", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, fontVariantNumeric: "tabular-nums" },
  tdFirst: { textAlign: "start", whiteSpace: "nowrap" },
  total: { fontWeight: tokens.fontWeightSemibold },
  sheets: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  sheetLine: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  only: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXS },
  appendices: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
});

type Status = { intent: "success" | "warning" | "error"; text: string };

export function ReportsPage({ session }: { session: WorkbookSession }) {
  const s = useStyles();
  const { t, num, money, prefs } = usePrefs();
  const [request, setRequest] = useState<ReportRequest>();
  const [replaceUser, setReplaceUser] = useState(false);
  // project cards belong to the plan document: off unless asked for
  const [cards, setCards] = useState(false);
  // the appendices the official report does not have: in unless the user leaves them out (issue 13)
  const [leaveOut, setLeaveOut] = useState<readonly OptionalAppendix[]>([]);
  const contents = useMemo(() => ({ cards, leaveOut }), [cards, leaveOut]);
  // the gaps depend on what is printed (sample data in a left-out risk register is none): read again on a change
  const read = useCallback(() => previewReport(session.port, request, new Date(), contents), [session, request, contents]);
  const { value: preview, busy, error, load } = useLiveRead(session, read);
  const [working, setWorking] = useState(false);
  const [progress, setProgress] = useState<WriteProgressState | undefined>(undefined);
  const [status, setStatus] = useState<Status>();
  const [made, setMade] = useState<readonly string[]>([]);
  // the sheets of the last generation, for the report alone as a workbook of its own
  const [generated, setGenerated] = useState<GeneratedReports["sheets"]>([]);
  const [onlyStatus, setOnlyStatus] = useState<Status>();
  const [makingOnly, setMakingOnly] = useState(false);

  const shown = request ?? preview?.request;
  const settings = preview?.read.workbook.settings;
  const years = settings ? Array.from({ length: settings.years }, (_, i) => settings.firstYear + i) : [];
  if (shown && !years.includes(shown.fy)) years.push(shown.fy);
  const choose = (next: Partial<ReportRequest>) => {
    if (!shown) return;
    setRequest({ ...shown, ...next });
    setStatus(undefined);
    setMade([]);
    setGenerated([]);
    setOnlyStatus(undefined);
  };

  const generate = async () => {
    if (!shown) return;
    setWorking(true);
    setStatus(undefined);
    try {
      const result = await generateReports(session.port, shown, { replaceUserSheets: replaceUser, contents, progress: (done, total) => setProgress({ done, total }) });
      const n = num(result.sheets.length);
      const done = t(session.exportBytes ? "reportsDoneDownload" : "reportsDone1", { n });
      setStatus(result.draft
        ? { intent: "warning", text: `${done} ${result.preview.errors.length > 0 ? t("reportsDraftDone", { n: num(result.preview.errors.length) }) : t("reportsDraftGaps", { n: num(result.preview.gaps.length) })}` }
        : { intent: "success", text: done });
      setMade(result.sheets.map((x) => x.name));
      setGenerated(result.sheets);
      setOnlyStatus(undefined);
      setReplaceUser(false);
      await load();
    } catch (e) {
      setStatus(e instanceof SheetConflictError
        ? { intent: "warning", text: t("reportsUserSheets", { sheets: e.sheets.join(", ") }) }
        : { intent: "error", text: `${t("reportFailed")} ${plainMessage(e, prefs.lang)}` });
    } finally {
      setWorking(false);
      setProgress(undefined);
    }
  };

  /** The report alone (issue 13): printed or exported whole, it is the document — no input sheet first. */
  const reportOnly = async () => {
    if (!session.newWorkbook || !shown || generated.length === 0) return;
    setMakingOnly(true);
    setOnlyStatus(undefined);
    try {
      const got = await session.newWorkbook((port) => writeReportOnly(port, generated));
      if (got === "opened") {
        setOnlyStatus({ intent: "success", text: t("reportOnlyOpened") });
      } else {
        const stem = (session.title ?? "sujarit").replace(/\.xlsx$/i, "");
        const name = `${stem} ${t("reportOnlyFile", { fy: String(shown.fy), round: String(shown.round) })}.xlsx`;
        saveXlsxAs(name, got);
        setOnlyStatus({ intent: "success", text: t("reportOnlyDownloaded", { name }) });
      }
    } catch (e) {
      setOnlyStatus({ intent: "error", text: `${t("reportOnlyFailed")} ${plainMessage(e, prefs.lang)}` });
    } finally {
      setMakingOnly(false);
    }
  };

  const errors = preview?.errors ?? [];
  const gaps = preview?.gaps ?? [];
  const keys = preview ? reportSheetKeys(preview.context, contents) : [];
  const blockedByUser = (preview?.userSheets.length ?? 0) > 0 && !replaceUser;
  const ready = preview !== undefined && !busy && !working;
  const summary = preview?.context.summary;

  return (
    <section className={s.root} aria-labelledby="reports-heading" data-testid="reports" data-ready={ready ? "true" : "false"}>
      <Subtitle2 as="h2" id="reports-heading" className={s.heading}>{t("reportsHeading")}</Subtitle2>
      <Caption1 className={s.note}><ThaiText text={t("reportsIntro")} /></Caption1>

      {error !== undefined && (
        <MessageBar intent="error" layout="multiline" data-testid="reports-error">
          <MessageBarBody>
            <MessageBarTitle>{t("reportsFailed")}</MessageBarTitle>
            {plainMessage(error, prefs.lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {!preview && busy && <Spinner label={t("loading")} />}

      {preview && shown && summary && (
        <>
          <div className={s.choices}>
            <Field label={t("reportsFy")}>
              <Select value={String(shown.fy)} onChange={(_, d) => choose({ fy: fiscalYear(Number(d.value)) })} data-testid="report-fy">
                {years.map((y) => <option key={y} value={y}>{num(y)}</option>)}
              </Select>
            </Field>
            <Field label={t("reportsRound")}>
              <RadioGroup value={String(shown.round)} onChange={(_, d) => choose({ round: Number(d.value) as ReportRound })} data-testid="report-round">
                <Radio value="6" label={t("reportsRound6")} />
                <Radio value="12" label={t("reportsRound12")} />
              </RadioGroup>
            </Field>
          </div>

          {/* a narrow pane scrolls the table sideways, with a visible cue and one tab stop (ScrollArea) */}
          <ScrollArea label={t("reportsFigures")} testId="report-figures-scroll">
            <table className={s.table} data-testid="report-figures" aria-label={t("reportsFigures")}>
              <thead>
                <tr>
                  <th className={mergeClasses(s.th, s.thFirst)} scope="col"><ThaiText text={t("reportsFigures")} /></th>
                  <th className={s.th} scope="col"><ThaiText text={t("reportsItems")} /></th>
                  <th className={s.th} scope="col"><ThaiText text={t("reportsDone")} /></th>
                  <th className={s.th} scope="col"><ThaiText text={t("reportsInProgress")} /></th>
                  <th className={s.th} scope="col"><ThaiText text={t("reportsNotReported")} /></th>
                  <th className={s.th} scope="col"><ThaiText text={t("reportsDisbursed")} /></th>
                  <th className={s.th} scope="col"><ThaiText text={t("reportsScore")} /></th>
                </tr>
              </thead>
              <tbody>
                {summary.byDimension.map((d) => (
                  <FiguresRow key={d.dimension} label={t("reportsDimension", { d: num(d.dimension) })} totals={d.totals} num={num} money={money} />
                ))}
                <FiguresRow label={t("reportsTotal")} totals={summary.total} num={num} money={money} total testId="report-total" />
              </tbody>
            </table>
          </ScrollArea>

          {errors.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="report-errors" data-count={errors.length}>
              <MessageBarBody>
                <MessageBarTitle>{t("reportsErrorsTitle", { n: num(errors.length) })}</MessageBarTitle>
                <Body1 as="p"><ThaiText text={t("reportsErrorsBody")} /></Body1>
                <FindingsList findings={errors} />
              </MessageBarBody>
            </MessageBar>
          ) : gaps.length === 0 && (
            <MessageBar intent="success" layout="multiline" data-testid="report-no-errors"><MessageBarBody>{t("reportsNoErrors")}</MessageBarBody></MessageBar>
          )}
          {gaps.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="report-gaps" data-count={gaps.length}>
              <MessageBarBody>
                <MessageBarTitle>{t("reportsGapsTitle", { n: num(gaps.length) })}</MessageBarTitle>
                <Body1 as="p"><ThaiText text={t("reportsGapsBody")} /></Body1>
                <FindingsList findings={gaps} />
              </MessageBarBody>
            </MessageBar>
          )}
          {summary.unmatched.length > 0 && (
            <MessageBar intent="info" layout="multiline" data-testid="report-unmatched">
              <MessageBarBody>
                {t("reportsUnmatched", { n: num(summary.unmatched.length), codes: [...new Set(summary.unmatched.map((p) => p.code ?? "-"))].join(", ") })}
              </MessageBarBody>
            </MessageBar>
          )}

          <div>
            <Checkbox checked={cards} onChange={(_, d) => setCards(d.checked === true)} label={t("reportsCards")} data-testid="report-cards" />
            <fieldset className={s.appendices} data-testid="report-appendices">
              <legend>{t("reportsAppendices")}</legend>
              {OPTIONAL_APPENDICES.map((a) => (
                <Checkbox
                  key={a}
                  checked={!leaveOut.includes(a)}
                  onChange={(_, d) => setLeaveOut((out) => (d.checked === true ? out.filter((x) => x !== a) : [...out, a]))}
                  label={prefs.lang === "th" ? REPORT_SHEETS[a] : REPORT_SHEETS_EN[a]}
                  data-testid={`report-appendix-${a}`}
                />
              ))}
            </fieldset>
            <Body1 as="p">{t("reportsSheets", { n: num(keys.length) })}</Body1>
            <ol className={s.sheets} data-testid="report-sheets">
              {keys.map((k) => {
                const name = REPORT_SHEETS[k];
                const revealable = session.reveal && made.includes(name);
                return (
                  <li key={k}>
                    <span className={s.sheetLine}>
                      <span>{name}{prefs.lang === "en" ? ` (${REPORT_SHEETS_EN[k]})` : ""}</span>
                      {preview.replaces.includes(name) && <Caption1 className={s.note}>· {t("reportsReplaced")}</Caption1>}
                      {revealable && (
                        <Button size="small" appearance="transparent" icon={<LocationRegular />} aria-label={t("reportsShowSheet", { sheet: name })}
                          onClick={() => void session.reveal?.({ sheet: name, cell: "A1" })} />
                      )}
                    </span>
                  </li>
                );
              })}
            </ol>
          </div>

          {preview.userSheets.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="report-user-sheets">
              <MessageBarBody>
                {t("reportsUserSheets", { sheets: preview.userSheets.join(", ") })}
                <Checkbox checked={replaceUser} onChange={(_, d) => setReplaceUser(d.checked === true)} label={t("reportsReplaceUser")} data-testid="replace-user-sheets" />
              </MessageBarBody>
            </MessageBar>
          )}

          <div className={s.actions}>
            <Button appearance="primary" icon={working ? <Spinner size="extra-tiny" aria-hidden /> : <DocumentTableRegular />}
              onClick={() => void generate()} disabled={!ready || blockedByUser} data-testid="generate-reports">
              {working ? t("reportsGenerating") : t(preview.draft ? "reportsGenerateDraft" : "reportsGenerate")}
            </Button>
          </div>
          {working && <WriteProgress state={progress} />}
          {status && (
            <MessageBar intent={status.intent} layout="multiline" data-testid="reports-status">
              <MessageBarBody><ThaiText text={status.text} /></MessageBarBody>
              {status.intent !== "error" && made.length > 0 && session.exportBytes && (
                <MessageBarActions>
                  <DownloadAction />
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          {session.newWorkbook && generated.length > 0 && !working && (
            <div className={s.only}>
              <Button icon={makingOnly ? <Spinner size="extra-tiny" aria-hidden /> : <PrintRegular />} onClick={() => void reportOnly()} disabled={makingOnly} data-testid="report-only">
                {t("reportOnly")}
              </Button>
              <Caption1 className={s.note}><ThaiText text={t("reportOnlyHint")} /></Caption1>
              {onlyStatus && (
                <MessageBar intent={onlyStatus.intent} layout="multiline" data-testid="report-only-status">
                  <MessageBarBody><ThaiText text={onlyStatus.text} /></MessageBarBody>
                </MessageBar>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function FiguresRow(p: { label: string; totals: RoundTotals; num(n: number | string): string; money(n: number): string; total?: boolean; testId?: string }) {
  const s = useStyles();
  const { totals: x } = p;
  const cls = p.total ? s.total : undefined;
  return (
    <tr className={cls} data-testid={p.testId}>
      <th className={mergeClasses(s.td, s.tdFirst)} scope="row">{p.label}</th>
      <td className={s.td}>{p.num(x.items)}</td>
      <td className={s.td}>{p.num(x.byStatus.done)}</td>
      <td className={s.td}>{p.num(x.byStatus.inProgress)}</td>
      <td className={s.td}>{p.num(x.byStatus.notReported + x.byStatus.notStarted)}</td>
      <td className={s.td}>{p.money(x.disbursed)}</td>
      <td className={s.td}>{p.num(x.implementationScore.toFixed(2))}</td>
    </tr>
  );
}
