/**
 * รวมผลจากแฟ้มของกอง: division workbooks (.xlsx, opened with the host's file opener — exceljs is a lazy
 * chunk, so Excel's pane loads it only here) merged into the session's workbook by app/consolidate.ts:
 * new rows appended, equal rows not added again, differing rows reported with both values and where
 * each is, nothing overwritten. A preview (dry run) shows the same summary without writing.
 */
import {
  Body1, Button, Caption1, Caption1Strong, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, Text, tokens,
} from "@fluentui/react-components";
import { DismissRegular, DocumentAddRegular, EyeRegular, LocationRegular, MergeRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { consolidate, type ConsolidationReport, NoProgressSheetError } from "../../app/consolidate";
import type { Conflict } from "../../app/consolidate-plan";
import { fieldLabel, monthName, monthYear, showProgressValue } from "../../app/monthly";
import type { WorkbookPort } from "../../app/port";
import type { HostServices, WorkbookSession } from "../../app/session";
import type { CellLocation } from "../../domain/findings";
import { plainMessage } from "../ErrorBar";
import { usePrefs } from "../prefs";
import { DownloadAction } from "../save";
import { ThaiText } from "../ThaiText";
import { FindingsList } from "./FindingsList";

const useStyles = makeStyles({
  root: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  files: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  file: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  failed: { display: "flex", flexDirection: "column", minWidth: 0 },
  failedText: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  outcomes: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  outcome: { display: "flex", flexDirection: "column", minWidth: 0, paddingBottom: tokens.spacingVerticalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  counts: { fontVariantNumeric: "tabular-nums" },
  attention: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  conflicts: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  conflict: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalS, minWidth: 0,
    borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    borderLeftWidth: tokens.strokeWidthThickest,
  },
  diffs: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, margin: 0, fontSize: tokens.fontSizeBase200 },
  def: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  field: { fontWeight: tokens.fontWeightSemibold },
  values: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  link: { padding: 0, minWidth: 0, height: "auto", justifyContent: "flex-start" },
});

interface Source {
  readonly name: string;
  readonly port: WorkbookPort;
}

interface Props {
  readonly session: WorkbookSession;
  readonly openFile: HostServices["openFile"];
  /** Called after rows were added, so that the page reads the workbook again. */
  onMerged(): Promise<void>;
}

export function MergeDivisions({ session, openFile, onMerged }: Props) {
  const s = useStyles();
  const { t, num, prefs, text } = usePrefs();
  const input = useRef<HTMLInputElement>(null);
  const [sources, setSources] = useState<readonly Source[]>([]);
  const [busy, setBusy] = useState<"opening" | "preview" | "merge">();
  const [result, setResult] = useState<{ dryRun: boolean; report: ConsolidationReport }>();
  const [error, setError] = useState<string>();
  /** Files that could not be opened, each with the reason: listed beside the good ones, which still merge. */
  const [failedFiles, setFailedFiles] = useState<readonly { name: string; message: string }[]>([]);

  const pick = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setBusy("opening");
    setError(undefined);
    const opened: Source[] = [];
    const failed: { name: string; message: string }[] = [];
    for (const f of files) {
      try {
        const sess = await openFile(f.name, new Uint8Array(await f.arrayBuffer()));
        opened.push({ name: f.name, port: sess.port });
      } catch (e) {
        failed.push({ name: f.name, message: text(plainMessage(e, prefs.lang)) });
      }
    }
    const picked = new Set(files.map((f) => f.name));
    setSources((before) => [...before.filter((b) => !picked.has(b.name)), ...opened]);
    setFailedFiles((before) => [...before.filter((b) => !picked.has(b.name)), ...failed]);
    setResult(undefined);
    setBusy(undefined);
  };

  const run = async (dryRun: boolean) => {
    setBusy(dryRun ? "preview" : "merge");
    setError(undefined);
    try {
      const report = await consolidate(session.port, sources.map((x) => ({ source: x.name, port: x.port })), { dryRun, skipUnusable: true });
      setResult({ dryRun, report });
      if (!dryRun && report.addedRows.length > 0) await onMerged();
    } catch (e) {
      setResult(undefined);
      setError(e instanceof NoProgressSheetError
        ? `${e.source === "master" ? t("thisWorkbook") : e.source}: ${t("noProgressSheet")}`
        : `${t("mergeFailed")} ${text(plainMessage(e, prefs.lang))}`);
    } finally {
      setBusy(undefined);
    }
  };

  const report = result?.report;
  const added = report?.addedRows ?? [];
  const summary = !result || !report
    ? undefined
    : result.dryRun
      ? t("previewDone", { n: num(report.plan.toAdd.length) })
      : added.length > 0
        ? t(session.exportBytes ? "mergeDoneDownload" : "mergeDone", { n: num(added.length), sheet: report.masterSheet, from: num(added[0] as number), to: num(added[added.length - 1] as number) })
        : t("mergeNothing");
  const findingsCount = report?.sourceFindings.reduce((n, x) => n + x.findings.length, 0) ?? 0;

  return (
    <section className={s.root} aria-labelledby="merge-heading" data-testid="merge" data-busy={busy ?? undefined}>
      <Subtitle2 as="h3" id="merge-heading" className={s.heading}>{t("mergeHeading")}</Subtitle2>
      <Caption1 className={s.note}><ThaiText text={t("mergeBody")} /></Caption1>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t("chooseFiles")}
        tabIndex={-1}
        data-testid="merge-files"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          void pick(files);
        }}
      />
      <div className={s.actions}>
        <Button icon={<DocumentAddRegular />} onClick={() => input.current?.click()} disabled={busy !== undefined} data-testid="merge-choose">{t("chooseFiles")}</Button>
      </div>
      {busy === "opening" && <Spinner size="tiny" label={t("openingFiles")} />}
      {(sources.length > 0 || failedFiles.length > 0) && (
        <>
          <Caption1 id="merge-files-label">{t("filesChosen", { n: num(sources.length) })}</Caption1>
          <ul className={s.files} aria-labelledby="merge-files-label" data-testid="merge-file-list">
            {failedFiles.map((x) => (
              <li key={`failed-${x.name}`} className={s.file} data-testid="merge-file-failed" data-name={x.name}>
                <div className={s.failed}>
                  <Text className={s.wrap}>{x.name}</Text>
                  <Caption1 className={s.failedText}><ThaiText text={t("fileNotUsed", { reason: x.message })} /></Caption1>
                </div>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DismissRegular />}
                  aria-label={t("removeFile", { file: x.name })}
                  disabled={busy !== undefined}
                  onClick={() => setFailedFiles((before) => before.filter((b) => b.name !== x.name))}
                />
              </li>
            ))}
            {sources.map((x) => (
              <li key={x.name} className={s.file} data-testid="merge-file" data-name={x.name}>
                <Text className={s.wrap}>{x.name}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DismissRegular />}
                  aria-label={t("removeFile", { file: x.name })}
                  disabled={busy !== undefined}
                  onClick={() => {
                    setSources((before) => before.filter((b) => b.name !== x.name));
                    setResult(undefined);
                  }}
                />
              </li>
            ))}
          </ul>
          <div className={s.actions} hidden={sources.length === 0}>
            <Button icon={busy === "preview" ? <Spinner size="extra-tiny" aria-hidden /> : <EyeRegular />} onClick={() => void run(true)} disabled={busy !== undefined} data-testid="merge-preview">
              {t("preview")}
            </Button>
            <Button appearance="primary" icon={busy === "merge" ? <Spinner size="extra-tiny" aria-hidden /> : <MergeRegular />} onClick={() => void run(false)} disabled={busy !== undefined} data-testid="merge-run">
              {t(busy === "merge" ? "merging" : "merge")}
            </Button>
          </div>
        </>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="merge-error">
          <MessageBarBody><ThaiText text={error} /></MessageBarBody>
        </MessageBar>
      )}
      {result && report && (
        <>
          <MessageBar intent={result.dryRun ? "info" : added.length > 0 ? "success" : "warning"} layout="multiline" data-testid="merge-status" data-dry-run={result.dryRun ? "true" : "false"} data-added={added.length}>
            <MessageBarBody>{summary && <ThaiText text={summary} />}</MessageBarBody>
            {!result.dryRun && added.length > 0 && session.exportBytes && (
              <MessageBarActions>
                <DownloadAction />
              </MessageBarActions>
            )}
          </MessageBar>
          <h4 className={s.sub} id="merge-summary-heading">{t("mergeSummary")}</h4>
          <ul className={s.outcomes} aria-labelledby="merge-summary-heading" data-testid="merge-outcomes">
            {report.plan.outcomes.map((o) => (
              <li key={o.source} className={s.outcome} data-testid="merge-outcome" data-source={o.source} data-rows={o.rows} data-added={o.added} data-already={o.alreadyThere} data-conflicts={o.conflicts} data-unusable={o.unusable}>
                <Text weight="semibold" className={s.wrap}>{o.source}</Text>
                <Caption1 className={s.counts}>
                  {[
                    `${t("colRows")} ${num(o.rows)}`,
                    `${t(result.dryRun ? "colToAdd" : "colAdded")} ${num(o.added)}`,
                    `${t("colAlready")} ${num(o.alreadyThere)}`,
                  ].join(" · ")}
                  {" · "}
                  <span className={o.conflicts > 0 ? s.attention : undefined}>{`${t("colConflicts")} ${num(o.conflicts)}`}</span>
                  {" · "}
                  <span className={o.unusable > 0 ? s.attention : undefined}>{`${t("colUnusable")} ${num(o.unusable)}`}</span>
                </Caption1>
              </li>
            ))}
            {report.skipped.map((e) => (
              <li key={`skipped-${e.source}`} className={s.outcome} data-testid="merge-skipped" data-source={e.source}>
                <Text weight="semibold" className={s.wrap}>{e.source}</Text>
                <Caption1 className={s.failedText}><ThaiText text={t("fileNotUsed", { reason: text(plainMessage(e, prefs.lang)) })} /></Caption1>
              </li>
            ))}
          </ul>
          {report.plan.conflicts.length > 0 && (
            <>
              <h4 className={s.sub} id="merge-conflicts-heading">{t("conflictsHeading", { n: num(report.plan.conflicts.length) })}</h4>
              <ul className={s.conflicts} aria-labelledby="merge-conflicts-heading">
                {report.plan.conflicts.map((c, i) => (
                  <ConflictCard key={i} c={c} onReveal={session.reveal} />
                ))}
              </ul>
            </>
          )}
          {report.plan.unusable.length > 0 && (
            <>
              <h4 className={s.sub}>{t("unusableHeading", { n: num(report.plan.unusable.length) })}</h4>
              <ul className={s.files} data-testid="merge-unusable">
                {report.plan.unusable.map((u, i) => (
                  <li key={i}><Caption1><ThaiText text={t("rowIn", { file: u.source, sheet: u.at.sheet, row: num(u.at.row ?? 0) })} /></Caption1></li>
                ))}
              </ul>
            </>
          )}
          {findingsCount > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="merge-findings">
              <MessageBarBody>
                <Body1><ThaiText text={t("sourceFindingsHeading", { n: num(findingsCount) })} /></Body1>
                {report.sourceFindings.filter((x) => x.findings.length > 0).map((x) => (
                  <div key={x.source}>
                    <Caption1Strong>{x.source}</Caption1Strong>
                    <FindingsList findings={x.findings} />
                  </div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}

function ConflictCard({ c, onReveal }: { c: Conflict; onReveal: ((at: CellLocation) => Promise<void>) | undefined }) {
  const s = useStyles();
  // values in the chosen digits for the screen only (the workbook keeps what was typed): usePrefs().text
  const { t, num, prefs, text: digits } = usePrefs();
  const month = c.key.month;
  const where = (file: string, at: CellLocation) => t("rowIn", { file, sheet: at.sheet, row: num(at.row ?? 0) });
  const keptIsHere = c.kept.source === "master";
  const keptAt = { sheet: c.kept.sheet, row: c.kept.row ?? 0 };
  return (
    <li className={s.conflict} data-testid="merge-conflict" data-code={c.key.code} data-month={c.key.month} data-source={c.source} data-kept-row={c.kept.row} data-incoming-row={c.incoming.row}>
      <Text weight="semibold"><ThaiText text={t("mergeConflictTitle", { code: c.key.code, month: `${monthName(month, prefs.lang)} ${num(monthYear(c.key.fy, month))}` })} /></Text>
      <Caption1 className={s.wrap}>
        <ThaiText text={`${t("keptValue")}: `} />
        {keptIsHere && onReveal && c.kept.row ? (
          <Button size="small" appearance="transparent" icon={<LocationRegular />} className={s.link} onClick={() => void onReveal(keptAt).catch(() => undefined)} data-testid="conflict-reveal">
            {where(t("thisWorkbook"), c.kept)}
          </Button>
        ) : <ThaiText text={where(keptIsHere ? t("thisWorkbook") : c.kept.source, c.kept)} />}
      </Caption1>
      <Caption1 className={s.wrap}><ThaiText text={`${t("incomingValue")}: ${where(c.source, c.incoming)}`} /></Caption1>
      <dl className={s.diffs}>
        {c.differences.map((d) => (
          <div key={d.field} data-testid="conflict-diff" data-field={d.field} data-kept={d.kept} data-incoming={d.incoming}>
            <dt className={s.field}><ThaiText text={fieldLabel(d.field, prefs.lang)} /></dt>
            <dd className={s.def}>
              <ul className={s.values}>
                <li><ThaiText text={`${t("keptValue")}: ${digits(showProgressValue(d.field, d.kept, prefs.lang)) || t("emptyCell")}`} /></li>
                <li><ThaiText text={`${t("incomingValue")}: ${digits(showProgressValue(d.field, d.incoming, prefs.lang)) || t("emptyCell")}`} /></li>
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
