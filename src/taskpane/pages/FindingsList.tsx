/** A short list of located findings, in the current language. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { describeLocation, type Finding } from "../../domain/findings";
import { usePrefs } from "../prefs";

const SHOWN = 8;

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  where: { fontWeight: tokens.fontWeightSemibold },
});

export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const s = useStyles();
  const { prefs, t, num } = usePrefs();
  return (
    <ul className={s.list}>
      {findings.slice(0, SHOWN).map((f, i) => (
        <li key={i} data-rule={f.rule}>
          <span className={s.where}>{describeLocation(f.location)}</span>
          {`: ${f.message[prefs.lang]}${f.found ? ` ("${f.found}")` : ""}`}
        </li>
      ))}
      {findings.length > SHOWN && <li>{t("moreFindings", { n: num(findings.length - SHOWN) })}</li>}
    </ul>
  );
}
