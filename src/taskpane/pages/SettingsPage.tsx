/** ตั้งค่า: display language and digits (the workbook's own settings live in its ตั้งค่า sheet). */
import { Field, makeStyles, Radio, RadioGroup, Subtitle2, tokens } from "@fluentui/react-components";
import { usePrefs } from "../prefs";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM } });

export function SettingsPage() {
  const s = useStyles();
  const { t, prefs, setPrefs } = usePrefs();
  return (
    <section className={s.root} aria-labelledby="settings-heading">
      <h2 id="settings-heading" style={{ margin: 0 }}>
        <Subtitle2>{t("settingsTitle")}</Subtitle2>
      </h2>
      <Field label={t("language")}>
        <RadioGroup value={prefs.lang} onChange={(_, d) => setPrefs({ lang: d.value === "en" ? "en" : "th" })} data-testid="settings-language">
          <Radio value="th" label="ไทย" />
          <Radio value="en" label="English" />
        </RadioGroup>
      </Field>
      <Field label={t("digits")}>
        <RadioGroup value={prefs.digits} onChange={(_, d) => setPrefs({ digits: d.value === "thai" ? "thai" : "arabic" })} data-testid="settings-digits">
          <Radio value="arabic" label={t("digitsArabic")} />
          <Radio value="thai" label={t("digitsThai")} />
        </RadioGroup>
      </Field>
    </section>
  );
}
