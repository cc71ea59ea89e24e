/**
 * Wrapped Thai that breaks between words (issue 16): the one component the pages use wherever Thai text
 * wraps — findings, table cells, dialogs, the start page. The text is cut by `thaiBreaks` (Intl.Segmenter
 * corrected by the product's glossary). Each Thai word is a `white-space: nowrap` span and a <wbr> marks
 * each place a line may break between two of them: Chromium's `word-break: keep-all` does not stop its own
 * dictionary breaks in Thai (tried: a table header still broke "ดำเนิน|การ"), a nowrap span does. Spaces
 * stay plain text, so Latin text, codes and lists still wrap at their spaces; `overflow-wrap: break-word`
 * is the last resort for a token wider than the pane (a long file name).
 * <wbr> rather than zero-width spaces: copying the text gives the text, with nothing invisible in it.
 */
import { makeStyles, mergeClasses } from "@fluentui/react-components";
import { Fragment, type ReactNode, useCallback } from "react";
import { thaiBreaks } from "../domain/thai-break";

const useStyles = makeStyles({
  // break-word, not anywhere: "anywhere" also lowers the min-content width, and a table then squeezes its
  // columns letter by letter ("ระหว|่าง") instead of scrolling; break-word only cuts a token that overflows
  text: { overflowWrap: "break-word" },
  word: { whiteSpace: "nowrap" },
});

const THAI = /[\u0e01-\u0e5b]/;

/** One piece (no break inside it): its Thai chunks kept on one line, its spaces left as places to wrap. */
function piece(p: string, word: string): ReactNode {
  if (!THAI.test(p)) return p;
  // a slash stays a place to break ("โครงการ/|กิจกรรม"), as the browser breaks after it in any text
  return p.split(/(\s+)/).flatMap((chunk) => (THAI.test(chunk) ? chunk.split(/(?<=\/)(?=.)/) : [chunk])).map((chunk, j) =>
    chunk !== "" && THAI.test(chunk) ? <span key={j} className={word} data-thai-word="">{chunk}</span> : chunk,
  );
}

function wrapped(text: string, word: string): ReactNode {
  return thaiBreaks.pieces(text).map((p, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {piece(p, word)}
    </Fragment>
  ));
}

/**
 * For an element that holds more than the text (a location, then the message): a function that renders
 * a text's words as ThaiText does, to be placed inside an element with `useThaiWrap().className`.
 */
export function useThaiWrap(): { wrap: (text: string) => ReactNode; className: string } {
  const s = useStyles();
  const wrap = useCallback((text: string): ReactNode => (thaiBreaks.cuts(text) ? wrapped(text, s.word) : text), [s.word]);
  return { wrap, className: s.text };
}

/** Thai text that wraps at word boundaries only. */
export function ThaiText({ text, className }: { text: string; className?: string }) {
  const s = useStyles();
  // a text without Thai, or a browser without Intl.Segmenter, keeps the browser's own breaking; one Thai
  // word still gets its span, or the browser would cut it ("ผลก|ระทบ" in a narrow column)
  if (!thaiBreaks.cuts(text)) return <>{text}</>;
  return (
    <span className={mergeClasses(s.text, className)} data-thai-wrap="">
      {wrapped(text, s.word)}
    </span>
  );
}
