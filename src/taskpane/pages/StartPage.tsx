/** Standalone mode's first page: open a file (picker or drop), open the sample, or start a new workbook. */
import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { type DragEvent, useRef, useState } from "react";
import { usePrefs } from "../prefs";
import { ThaiText } from "../ThaiText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  drop: {
    display: "flex", flexDirection: "column", alignItems: "stretch", rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1,
  },
  dragging: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)" },
  center: { textAlign: "center", color: tokens.colorNeutralForeground3 },
});

interface Props {
  readonly onOpenFile: (file: File) => void;
  readonly onOpenSample: () => void;
  readonly onNew: () => void;
  readonly onImportFile: (file: File) => void;
}

export function StartPage({ onOpenFile, onOpenSample, onNew, onImportFile }: Props) {
  const s = useStyles();
  const { t } = usePrefs();
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) onOpenFile(file);
  };
  return (
    <section className={s.root} aria-labelledby="start-heading" data-testid="start">
      <h2 id="start-heading" style={{ margin: 0 }}>
        <Subtitle2>{t("startTitle")}</Subtitle2>
      </h2>
      <Body1><ThaiText text={t("startBody")} /></Body1>
      <div
        className={dragging ? `${s.drop} ${s.dragging}` : s.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <XlsxPicker label={t("openFile")} testId="file-input" onFile={onOpenFile} primary />
        <Caption1 className={s.center}><ThaiText text={t("dropHere")} /></Caption1>
      </div>
      <Button onClick={onOpenSample} data-testid="open-sample">{t("openSample")}</Button>
      <Button onClick={onNew} data-testid="new-workbook">{t("newWorkbook")}</Button>
      <XlsxPicker label={t("importLegacy")} testId="legacy-input" buttonTestId="import-legacy" onFile={onImportFile} accept={IMPORT_ACCEPT} />
      <Caption1><ThaiText text={t("importLegacyHint")} /></Caption1>
      <Caption1><ThaiText text={t("standaloneNote")} /></Caption1>
    </section>
  );
}

/**
 * A button that picks one .xlsx file. The real file input stays visually hidden and out of the tab
 * order: the visible button opens it, so keyboard users meet one stop, not an invisible one.
 */
/** What the import takes: a sheet, a Word document, or a table copied out of a PDF as text. */
const IMPORT_ACCEPT = ".xlsx,.docx,.txt,.tsv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/tab-separated-values";

function XlsxPicker(props: { label: string; testId: string; buttonTestId?: string; onFile: (file: File) => void; primary?: boolean; accept?: string }) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        accept={props.accept ?? ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        aria-label={props.label}
        tabIndex={-1}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onFile(file);
          e.target.value = "";
        }}
      />
      <Button appearance={props.primary ? "primary" : "secondary"} onClick={() => input.current?.click()} data-testid={props.buttonTestId}>
        {props.label}
      </Button>
    </>
  );
}
