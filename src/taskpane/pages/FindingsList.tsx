/** A short list of located findings, in the current language. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { describeLocation, type Finding } from "../../domain/findings";
import { usePrefs } from "../prefs";
import { useThaiWrap } from "../ThaiText";

const SHOWN = 8;

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  where: { fontWeight: tokens.fontWeightSemibold },
});

export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const s = useStyles();
  const { prefs, t, num, text } = usePrefs();
  const thai = useThaiWrap();
  return (
    <ul className={`${s.list} ${thai.className}`}>
      {findings.slice(0, SHOWN).map((f, i) => (
        <li key={i} data-rule={f.rule}>
          <span className={s.where}>{text(describeLocation(f.location))}</span>
          {/* the message in the chosen digits, broken between Thai words; the value found is quoted as the cell has it */}
          {": "}
          {thai.wrap(text(f.message[prefs.lang]))}
          {f.found ? thai.wrap(` ("${f.found}")`) : ""}
        </li>
      ))}
      {findings.length > SHOWN && <li>{t("moreFindings", { n: num(findings.length - SHOWN) })}</li>}
    </ul>
  );
}
