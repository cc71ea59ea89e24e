/** What an import did: where the table was, how every source row was used, and what to check at which source cell. */
import { Body1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { ImportResult } from "../../app/import";
import { usePrefs } from "../prefs";
import { ThaiText } from "../ThaiText";
import { FindingsList } from "./FindingsList";

const useStyles = makeStyles({ rows: { margin: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM } });

export function ImportReport({ result }: { result: ImportResult }) {
  const s = useStyles();
  const { t, num } = usePrefs();
  const c = result.rowCounts;
  const errors = result.findings.filter((f) => f.severity === "error").length;
  return (
    <MessageBar intent={errors > 0 ? "warning" : "success"} layout="multiline" data-testid="import-report" data-items={result.model.items.length} data-unplaced={c.unplaced}>
      <MessageBarBody>
        <MessageBarTitle><ThaiText text={t("importDone", { items: num(result.model.items.length), sheet: result.legacy.sheet })} /></MessageBarTitle>
        <Body1 as="p" className={s.rows}>
          <ThaiText text={`${t("importRows")}: ${t("rowTitle")} ${num(c.title)} · ${t("rowHeader")} ${num(c.header)} · ${t("rowItem")} ${num(c.item)} · ${t("rowTotal")} ${num(c.total)} · ${t("rowUnplaced")} ${num(c.unplaced)}`} />
        </Body1>
        {result.findings.length > 0 && (
          <>
            <Body1 as="p"><ThaiText text={t("importFindings", { n: num(result.findings.length) })} /></Body1>
            <FindingsList findings={result.findings} />
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
