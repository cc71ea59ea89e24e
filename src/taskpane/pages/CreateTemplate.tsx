/** The form that creates the template sheets: for a new file, or inside an Excel workbook that has none. */
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles,
  Select, Spinner, tokens,
} from "@fluentui/react-components";
import { type FormEvent, useRef, useState } from "react";
import { newPlan, templateConflicts, writePlanWorkbook } from "../../app/template";
import type { WorkbookSession } from "../../app/session";
import { readBEYear } from "../../domain/calendar";
import type { FrameworkId } from "../../domain/frameworks/types";
import { FRAMEWORK_CHOICES, ORG_TYPES, type OrgType } from "../../domain/lists";
import { usePrefs } from "../prefs";
import type { FiscalYear } from "../../domain/units";
import { ThaiText } from "../ThaiText";
import { useSafeFocus } from "../useSafeFocus";
import { WriteProgress, type WriteProgressState } from "../WriteProgress";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, maxWidth: "480px" },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
});

interface Props {
  readonly session: WorkbookSession;
  /** Called after the sheets are written, so the caller reads the workbook again. */
  readonly onCreated: () => void;
  readonly onError: (error: unknown) => void;
}

export function CreateTemplate({ session, onCreated, onError }: Props) {
  const s = useStyles();
  const { t, prefs } = usePrefs();
  const [orgName, setOrgName] = useState("");
  const [orgType, setOrgType] = useState<OrgType>("sao");
  const [district, setDistrict] = useState("");
  const [province, setProvince] = useState("");
  const [firstYear, setFirstYear] = useState("2566");
  const [years, setYears] = useState<"4" | "5">("5");
  const [framework, setFramework] = useState<FrameworkId>("2566-2570");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<WriteProgressState | undefined>(undefined);
  const [submitted, setSubmitted] = useState(false);
  const [conflicts, setConflicts] = useState<string[]>([]);
  // the replace dialog opens on "cancel" (replacing sheets is the risky choice) and gives focus back to "create"
  const cancelRef = useSafeFocus(conflicts.length > 0);
  const createRef = useRef<HTMLButtonElement>(null);

  const year = readBEYear(firstYear);
  const yearError =
    year.kind === "ce" ? t("ceYear", { typed: year.typed, suggested: year.suggested }) : year.kind === "invalid" ? t("yearHint") : undefined;
  const missing = (v: string) => (submitted && v.trim() === "" ? t("required") : undefined);

  // only a year read as BE makes a plan: the form refuses anything else before it gets here
  const model = (firstYear: FiscalYear) =>
    newPlan({
      orgName: orgName.trim(), orgType, district: district.trim(), province: province.trim(),
      firstYear, years: years === "4" ? 4 : 5, framework,
    });

  const write = async (policy: "refuse" | "replace", firstYear: FiscalYear) => {
    setBusy(true);
    try {
      await writePlanWorkbook(session.port, model(firstYear), new Date(), policy, (done, total) => setProgress({ done, total }));
      onCreated();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (year.kind !== "be" || [orgName, district, province].some((v) => v.trim() === "")) return;
    const firstYear = year.year;
    setBusy(true);
    try {
      // ask before replacing anything: the user's own sheets are never overwritten silently
      const existing = await templateConflicts(session.port, model(firstYear));
      if (existing.length > 0) {
        setConflicts(existing);
        setBusy(false);
        return;
      }
    } catch (err) {
      setBusy(false);
      onError(err);
      return;
    }
    await write("refuse", firstYear);
  };

  return (
    <form className={s.form} onSubmit={submit} noValidate aria-label={t("createTemplate")}>
      <Field label={t("orgName")} required validationMessage={missing(orgName)}>
        <Input value={orgName} onChange={(_, d) => setOrgName(d.value)} placeholder="อบต.ตัวอย่าง" />
      </Field>
      <Field label={t("orgType")} required>
        <Select value={orgType} onChange={(_, d) => setOrgType(d.value as OrgType)}>
          {ORG_TYPES.entries.map((e) => (
            <option key={e.key} value={e.key}>{prefs.lang === "th" ? e.th : `${e.th} (${e.en})`}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("district")} required validationMessage={missing(district)}>
        <Input value={district} onChange={(_, d) => setDistrict(d.value)} />
      </Field>
      <Field label={t("province")} required validationMessage={missing(province)}>
        <Input value={province} onChange={(_, d) => setProvince(d.value)} />
      </Field>
      <Field label={t("firstYear")} required validationMessage={yearError} hint={yearError ? undefined : t("yearHint")}>
        <Input value={firstYear} onChange={(_, d) => setFirstYear(d.value)} inputMode="numeric" />
      </Field>
      <Field label={t("planLength")}>
        <Select value={years} onChange={(_, d) => setYears(d.value === "4" ? "4" : "5")}>
          <option value="5">5</option>
          <option value="4">4</option>
        </Select>
      </Field>
      <Field label={t("frameworkChoice")}>
        <Select value={framework} onChange={(_, d) => setFramework(d.value as FrameworkId)}>
          {FRAMEWORK_CHOICES.entries.map((e) => (
            <option key={e.key} value={e.key}>{e.th}</option>
          ))}
        </Select>
      </Field>
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="create-template" ref={createRef}>
          {t("createTemplate")}
        </Button>
        {busy && <Spinner size="tiny" label={t("writingTemplate")} />}
        {busy && <WriteProgress state={progress} />}
      </div>
      <Dialog open={conflicts.length > 0} onOpenChange={(_, d) => !d.open && setConflicts([])}>
        <DialogSurface aria-describedby="conflict-body">
          <DialogBody>
            <DialogTitle><ThaiText text={t("conflictTitle")} /></DialogTitle>
            <DialogContent id="conflict-body"><ThaiText text={t("conflictBody", { sheets: conflicts.join(", ") })} /></DialogContent>
            <DialogActions>
              <Button appearance="secondary" ref={cancelRef} onClick={() => { setConflicts([]); createRef.current?.focus(); }}>{t("cancel")}</Button>
              <Button
                appearance="primary"
                data-testid="confirm-replace"
                onClick={() => {
                  setConflicts([]);
                  if (year.kind === "be") void write("replace", year.year);
                }}
              >
                {t("replace")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </form>
  );
}
