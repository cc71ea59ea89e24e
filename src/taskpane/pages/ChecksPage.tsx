/**
 * ตรวจสอบ: every check on the workbook (runChecks → validateWorkbook), grouped by sheet and then by
 * severity, filtered by severity, rule and text. A finding's cell is one click away: the session shows
 * it where it can (Excel selects it); otherwise the page shows the cell's sheet, address and value.
 * Where the session can watch the workbook, the checks run again shortly after each edit.
 */
import {
  Badge, Body1, Button, Caption1, Dropdown, Field, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle,
  Option, ProgressBar, SearchBox, Spinner, Subtitle2, Text, ToggleButton, tokens,
} from "@fluentui/react-components";
import {
  CheckmarkCircleFilled, ErrorCircleFilled, EyeOffRegular, type FluentIcon, InfoFilled, LocationRegular, ShieldTaskRegular, WarningFilled,
} from "@fluentui/react-icons";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { cellText, runChecks } from "../../app/checks";
import type { WorkbookSession } from "../../app/session";
import type { Bilingual, Finding, Severity } from "../../domain/findings";
import { READER_RULES, RULES } from "../../domain/validation";
import { plainMessage } from "../ErrorBar";
import type { MessageKey } from "../i18n";
import { usePrefs } from "../prefs";
import { ThaiText } from "../ThaiText";
import { LIVE_DEBOUNCE_MS, useLiveRead } from "../useLiveRead";

export { LIVE_DEBOUNCE_MS };

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const SEVERITY_LABEL: Readonly<Record<Severity, MessageKey>> = { error: "severityError", warning: "severityWarning", info: "severityInfo" };
const SEVERITY_BADGE: Readonly<Record<Severity, "danger" | "warning" | "informative">> = { error: "danger", warning: "warning", info: "informative" };
const SEVERITY_ICON: Readonly<Record<Severity, FluentIcon>> = {
  error: ErrorCircleFilled, warning: WarningFilled, info: InfoFilled,
};

/**
 * A folded rule group shows this many findings (issue 16: 35 M10 warnings made the page 4,685 px tall at
 * 340 px). Errors' groups start open — each error is work to do; warnings and notes start folded.
 */
export const FOLDED_SHOWN = 3;

const RULE_TITLES: ReadonlyMap<string, Bilingual> = new Map([...READER_RULES, ...RULES].map((r) => [r.id, r.title]));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  summary: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2 },
  filters: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  toggles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  fields: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: tokens.spacingHorizontalS, minWidth: 0 },
  field: { minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
  shown: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  sheet: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, minWidth: 0,
  },
  groupHeading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0, overflowWrap: "anywhere" },
  severityHeading: {
    display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, margin: 0,
    fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0, cursor: "pointer",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderLeftWidth: tokens.strokeWidthThickest,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  itemError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  itemWarning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  itemInfo: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  // no darker hover: text on it keeps its contrast (the rule badge, the red/orange icons' labels)
  selected: {
    backgroundColor: tokens.colorBrandBackground2, ":hover": { backgroundColor: tokens.colorBrandBackground2 },
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: "-1px",
  },
  itemHead: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  where: { minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  message: { overflowWrap: "anywhere" },
  details: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  term: { color: tokens.colorNeutralForeground2 },
  def: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  detail: {
    marginTop: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`, cursor: "auto",
  },
  value: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "pre-wrap" },
  empty: { display: "flex", flexDirection: "column", alignItems: "center", textAlign: "center", rowGap: tokens.spacingVerticalS, padding: tokens.spacingVerticalXXL },
  emptyIcon: { fontSize: "48px", color: tokens.colorPaletteGreenForeground1 },
  alert: { color: tokens.colorPaletteRedForeground1 },
  // a chip shows whether it is on: filled with a border when shown, struck through and dashed when hidden
  chipOn: {
    backgroundColor: tokens.colorBrandBackground2, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`, fontWeight: tokens.fontWeightSemibold,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  chipOff: {
    backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2, textDecorationLine: "line-through",
  },
  runBar: { height: "4px" },
  rule: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalXS },
  ruleHeading: {
    display: "flex", alignItems: "baseline", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, margin: 0,
    fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2,
  },
  ruleTitle: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  fold: { alignSelf: "flex-start" },
});

/** HH:MM in the pane's language (Thai: 14:05 น.). */
function clock(d: Date, lang: "th" | "en"): string {
  const hm = `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  return lang === "th" ? `${hm} น.` : hm;
}

/** One severity's findings by rule, in the order the rules first appear. */
function byRule(findings: readonly Finding[]): { rule: string; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.rule);
    if (list) list.push(f);
    else groups.set(f.rule, [f]);
  }
  return [...groups].map(([rule, list]) => ({ rule, findings: list }));
}

/** Runs the checks at once, on demand and after edits, one run at a time, the latest request winning (useLiveRead). */
function useChecks(session: WorkbookSession) {
  const read = useCallback(() => runChecks(session), [session]);
  const { value: run, done, busy, error, load: check } = useLiveRead(session, read);
  return { run, done, busy, error, check };
}

function findingKey(f: Finding): string {
  return [f.rule, f.location.sheet, f.location.cell ?? "", f.location.row ?? "", f.message.en].join("|");
}

interface SheetGroup {
  readonly sheet: string;
  readonly severity: Severity;
  readonly total: number;
  readonly bySeverity: readonly { readonly severity: Severity; readonly findings: readonly Finding[] }[];
}

/**
 * Errors first across the whole workbook (issue 18): every sheet's errors, then every sheet's warnings,
 * then notes; within a severity, by sheet in the findings' order (the workbook's sheet order). A sheet
 * with errors and warnings so appears twice, once in each part, never with its warnings above another
 * sheet's errors.
 */
function groupFindings(findings: readonly Finding[]): SheetGroup[] {
  return SEVERITIES.flatMap((severity) => {
    const sheets = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      const list = sheets.get(f.location.sheet);
      if (list) list.push(f);
      else sheets.set(f.location.sheet, [f]);
    }
    return [...sheets].map(([sheet, list]) => ({ sheet, severity, total: list.length, bySeverity: [{ severity, findings: list }] }));
  });
}

const ALL_RULES = "*";

export function ChecksPage({ session }: { session: WorkbookSession }) {
  const s = useStyles();
  const { t, num, prefs, text } = usePrefs();
  const { run, done, busy, error, check } = useChecks(session);
  const [hidden, setHidden] = useState<ReadonlySet<Severity>>(new Set());
  const [rule, setRule] = useState(ALL_RULES);
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string>();
  const [revealError, setRevealError] = useState<string>();
  // rule groups the user opened or folded, by severity:sheet:rule; the rest follow their severity's default
  const [folds, setFolds] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [focusFinding, setFocusFinding] = useState<string>();
  const rootRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // after "แสดงอีก N รายการ" the button is gone: focus moves to the first finding it showed, not to the page
    if (focusFinding === undefined) return;
    const item = [...(rootRef.current?.querySelectorAll<HTMLElement>("[data-finding-id]") ?? [])].find((li) => li.dataset.findingId === focusFinding);
    item?.querySelector<HTMLElement>('[data-testid="finding-go"]')?.focus();
    setFocusFinding(undefined);
  }, [focusFinding]);
  const ruleLabelId = useId();

  const findings = run?.validation.findings ?? [];
  const counts = run?.validation.counts ?? { error: 0, warning: 0, info: 0 };

  const rules = useMemo(() => {
    const n = new Map<string, number>();
    for (const f of findings) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
    return [...n].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })).map(([id, count]) => ({ id, count }));
  }, [findings]);
  const activeRule = rules.some((r) => r.id === rule) ? rule : ALL_RULES;
  const ruleText = (id: string) => {
    const title = RULE_TITLES.get(id);
    return title ? `${id} — ${title[prefs.lang]}` : id;
  };
  const ruleOption = (id: string, count: number) => `${ruleText(id)} (${num(count)})`;

  const q = query.trim().toLowerCase();
  const shown = useMemo(
    () => findings.filter((f) => {
      if (hidden.has(f.severity)) return false;
      if (activeRule !== ALL_RULES && f.rule !== activeRule) return false;
      if (!q) return true;
      const title = RULE_TITLES.get(f.rule);
      return [f.rule, f.message.th, f.message.en, f.location.sheet, f.location.cell, f.found, f.suggestion, f.expected?.th, f.expected?.en, title?.th, title?.en]
        .some((x) => x !== undefined && x.toLowerCase().includes(q));
    }),
    [findings, hidden, activeRule, q],
  );
  const groups = useMemo(() => groupFindings(shown), [shown]);
  const filtered = shown.length !== findings.length;

  const clearFilters = () => {
    setHidden(new Set());
    setRule(ALL_RULES);
    setQuery("");
  };

  const select = async (f: Finding) => {
    const key = findingKey(f);
    setSelected(key);
    setRevealError(undefined);
    if (!session.reveal) return;
    try {
      await session.reveal(f.location);
    } catch (e) {
      setRevealError(key);
      console.warn("Sujarit: cannot reveal", f.location, e);
    }
  };

  const where = (f: Finding) =>
    f.location.cell ?? (f.location.row !== undefined ? t("rowAt", { row: f.location.row }) : t("wholeSheet"));

  const summary = run
    ? t("checkedSummary", { n: num(findings.length), errors: num(counts.error), warnings: num(counts.warning), infos: num(counts.info) })
    : "";

  return (
    <section ref={rootRef} className={s.root} aria-labelledby="checks-heading" data-testid="checks" data-ready={run !== undefined && !busy ? "true" : "false"}>
      <div className={s.head}>
        <Subtitle2 as="h2" id="checks-heading" className={s.heading}>{t("checksHeading")}</Subtitle2>
        <Button
          appearance="primary"
          icon={busy ? <Spinner size="extra-tiny" aria-hidden /> : <ShieldTaskRegular />}
          onClick={() => void check()}
          data-testid="run-checks"
        >
          {t("runChecks")}
        </Button>
      </div>

      <div className={s.summary}>
        <Text role="status" aria-live="polite" data-testid="check-summary" data-total={run ? findings.length : undefined}>
          <ThaiText text={busy ? t("checking") : summary} />
        </Text>
        {done && (
          <Caption1 className={s.note} data-testid="checked-at" data-runs={done.count}>
            {t(done.count > 1 ? "checkedAtAgain" : "checkedAt", { time: clock(done.at, prefs.lang), n: num(done.count) })}
          </Caption1>
        )}
      </div>
      <div className={s.runBar} aria-hidden="true">
        {busy && <ProgressBar thickness="medium" data-testid="checks-running" />}
      </div>

      {(session.highlight || session.watch) && (
        <Caption1 className={s.note}>
          <ThaiText text={[session.highlight && t("highlightNote"), session.watch && t("liveNote")].filter(Boolean).join(" ")} />
        </Caption1>
      )}

      {error !== undefined && (
        <MessageBar intent="error" layout="multiline" data-testid="check-error">
          <MessageBarBody>
            <MessageBarTitle>{t("checkFailed")}</MessageBarTitle>
            {plainMessage(error, prefs.lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {run?.highlightError !== undefined && (
        <MessageBar intent="warning" layout="multiline" data-testid="highlight-error">
          <MessageBarBody>{t("highlightFailed")}</MessageBarBody>
        </MessageBar>
      )}

      {!run && busy && <Spinner label={t("checking")} />}

      {run && findings.length === 0 && (
        <div className={s.empty} data-testid="no-findings">
          <CheckmarkCircleFilled className={s.emptyIcon} aria-hidden />
          <Subtitle2 as="h3" className={s.heading}>{t("noFindings")}</Subtitle2>
          <Body1><ThaiText text={t("noFindingsBody")} /></Body1>
        </div>
      )}

      {run && findings.length > 0 && (
        <>
          <div className={s.filters} role="group" aria-label={t("filtersLabel")}>
            <div className={s.toggles} role="group" aria-label={t("filterSeverity")}>
              {SEVERITIES.map((sev) => {
                const Icon = SEVERITY_ICON[sev];
                return (
                  <ToggleButton
                    key={sev}
                    size="small"
                    shape="circular"
                    checked={!hidden.has(sev)}
                    className={hidden.has(sev) ? s.chipOff : s.chipOn}
                    icon={hidden.has(sev) ? <EyeOffRegular aria-hidden /> : <Icon className={s[sev]} aria-hidden />}
                    data-testid={`filter-${sev}`}
                    data-on={hidden.has(sev) ? "false" : "true"}
                    onClick={() => setHidden((h) => {
                      const next = new Set(h);
                      if (next.has(sev)) next.delete(sev);
                      else next.add(sev);
                      return next;
                    })}
                  >
                    {`${t(SEVERITY_LABEL[sev])} ${num(counts[sev])}`}
                  </ToggleButton>
                );
              })}
            </div>
            <div className={s.fields}>
              <Field label={{ children: t("filterRule"), id: ruleLabelId }} className={s.field}>
                <Dropdown
                  className={s.dropdown}
                  aria-labelledby={ruleLabelId}
                  data-testid="filter-rule"
                  value={activeRule === ALL_RULES ? t("allRules") : ruleOption(activeRule, rules.find((r) => r.id === activeRule)?.count ?? 0)}
                  selectedOptions={[activeRule]}
                  onOptionSelect={(_, d) => setRule(d.optionValue ?? ALL_RULES)}
                >
                  <Option value={ALL_RULES} text={t("allRules")}>{t("allRules")}</Option>
                  {rules.map((r) => (
                    <Option key={r.id} value={r.id} text={ruleOption(r.id, r.count)}>{ruleOption(r.id, r.count)}</Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label={t("search")} className={s.field}>
                <SearchBox
                  value={query}
                  placeholder={t("searchPlaceholder")}
                  onChange={(_, d) => setQuery(d.value)}
                  data-testid="filter-search"
                />
              </Field>
            </div>
            {filtered && (
              <div className={s.shown}>
                <Caption1 data-testid="shown-count" data-shown={shown.length}>{t("shownOf", { shown: num(shown.length), n: num(findings.length) })}</Caption1>
                <Button size="small" appearance="subtle" onClick={clearFilters} data-testid="clear-filters">{t("clearFilters")}</Button>
              </div>
            )}
          </div>

          {shown.length === 0 && <Body1 data-testid="no-match">{t("noMatch")}</Body1>}

          {groups.map((g, gi) => (
            <section key={`${g.severity}:${g.sheet}`} className={s.sheet} aria-labelledby={`sheet-${gi}`} data-testid="sheet-group" data-sheet={g.sheet} data-count={g.total}>
              <Subtitle2 as="h3" id={`sheet-${gi}`} className={s.groupHeading}>
                <span>{t("inSheet", { sheet: g.sheet })}</span>
                <Badge appearance="filled" color="brand">{num(g.total)}</Badge>
              </Subtitle2>
              {g.bySeverity.map(({ severity, findings: list }) => {
                const Icon = SEVERITY_ICON[severity];
                return (
                  <div key={severity} data-testid="severity-group" data-severity={severity} data-count={list.length}>
                    <h4 className={s.severityHeading}>
                      <Icon className={s[severity]} aria-hidden />
                      <span>{t(SEVERITY_LABEL[severity])}</span>
                      <Badge appearance="tint" color={SEVERITY_BADGE[severity]}>{num(list.length)}</Badge>
                    </h4>
                    {byRule(list).map(({ rule: id, findings: ruled }) => {
                    const foldKey = `${severity}:${g.sheet}:${id}`;
                    const foldable = ruled.length > FOLDED_SHOWN;
                    const open = !foldable || (folds.get(foldKey) ?? severity === "error");
                    const visible = open ? ruled : ruled.slice(0, FOLDED_SHOWN);
                    const listId = `rule-list-${gi}-${severity}-${id}`;
                    const setOpen = (next: boolean) => {
                      setFolds((m) => new Map(m).set(foldKey, next));
                      if (next) setFocusFinding(`${foldKey}#${FOLDED_SHOWN}`);
                    };
                    return (
                    <div key={id} className={s.rule} data-testid="rule-group" data-rule={id} data-count={ruled.length} data-open={open ? "true" : "false"}>
                    <h5 className={s.ruleHeading} data-testid="rule-heading">
                      <Badge appearance="outline" color="informative" shape="rounded">{id}</Badge>
                      <span className={s.ruleTitle} data-testid="rule-title"><ThaiText text={text(RULE_TITLES.get(id)?.[prefs.lang] ?? id)} /></span>
                      <span>{t("ruleCount", { n: num(ruled.length) })}</span>
                    </h5>
                    <ul className={s.list} id={listId}>
                      {visible.map((f, i) => {
                        const key = findingKey(f);
                        const isSelected = selected === key;
                        const detailId = `detail-${gi}-${severity}-${id}-${i}`;
                        const place = f.location.cell ? `${f.location.sheet}!${f.location.cell}` : `${f.location.sheet} ${where(f)}`;
                        return (
                          <li
                            key={`${key}#${i}`}
                            data-finding-id={`${foldKey}#${i}`}
                            className={mergeClasses(s.item, severity === "error" ? s.itemError : severity === "warning" ? s.itemWarning : s.itemInfo, isSelected && s.selected)}
                            onClick={() => void select(f)}
                            data-testid="finding"
                            data-rule={f.rule}
                            data-severity={f.severity}
                            data-sheet={f.location.sheet}
                            data-cell={f.location.cell}
                            data-selected={isSelected ? "true" : undefined}
                          >
                            <div className={s.itemHead}>
                              <Button
                                appearance="subtle"
                                size="small"
                                className={s.where}
                                icon={<LocationRegular />}
                                aria-label={t(session.reveal ? "goToCell" : "showCell", { where: place })}
                                aria-expanded={session.reveal ? undefined : isSelected}
                                aria-controls={!session.reveal && isSelected ? detailId : undefined}
                                data-testid="finding-go"
                              >
                                {where(f)}
                              </Button>
                            </div>
                            <Body1 className={s.message}><ThaiText text={text(f.message[prefs.lang])} /></Body1>
                            {(f.found !== undefined || f.expected || f.suggestion) && (
                              <dl className={s.details}>
                                {f.found !== undefined && (
                                  <>
                                    <dt className={s.term}>{t("foundValue")}</dt>
                                    <dd className={s.def}>{f.found === "" ? t("emptyCell") : f.found}</dd>
                                  </>
                                )}
                                {f.expected && (
                                  <>
                                    <dt className={s.term}>{t("expectedValue")}</dt>
                                    <dd className={s.def}><ThaiText text={text(f.expected[prefs.lang])} /></dd>
                                  </>
                                )}
                                {f.suggestion && (
                                  <>
                                    <dt className={s.term}>{t("suggestionLabel")}</dt>
                                    <dd className={s.def}>{f.suggestion}</dd>
                                  </>
                                )}
                              </dl>
                            )}
                            {isSelected && revealError === key && <Caption1 role="alert" className={s.alert}>{t("revealFailed")}</Caption1>}
                            {isSelected && !session.reveal && run && (
                              <div id={detailId} className={s.detail} data-testid="finding-detail" onClick={(e) => e.stopPropagation()}>
                                <Text weight="semibold">{t("cellDetails")}</Text>
                                <dl className={s.details}>
                                  <dt className={s.term}>{t("sheetLabel")}</dt>
                                  <dd className={s.def} data-testid="detail-sheet">{f.location.sheet}</dd>
                                  <dt className={s.term}>{t("cellLabel")}</dt>
                                  <dd className={s.def} data-testid="detail-cell">{where(f)}</dd>
                                  {f.location.cell && (
                                    <>
                                      <dt className={s.term}>{t("cellValueLabel")}</dt>
                                      <dd className={mergeClasses(s.def, s.value)} data-testid="detail-value">
                                        {valueText(cellText(run.grids, f.location) ?? f.found, t("emptyCell"))}
                                      </dd>
                                    </>
                                  )}
                                </dl>
                              </div>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                    {foldable && (
                      <Button
                        className={s.fold}
                        size="small"
                        appearance="secondary"
                        aria-expanded={open}
                        aria-controls={listId}
                        onClick={() => setOpen(!open)}
                        data-testid="rule-fold"
                      >
                        {open ? t("showFewerFindings") : t("showMoreFindings", { n: num(ruled.length - FOLDED_SHOWN) })}
                      </Button>
                    )}
                    </div>
                    );
                    })}
                  </div>
                );
              })}
            </section>
          ))}
        </>
      )}
    </section>
  );
}

function valueText(v: string | undefined, empty: string): string {
  return v === undefined || v === "" ? empty : v;
}
