/** A workbook without Sujarit's sheets: explain, and offer to add them without touching the user's own. */
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { WorkbookSession } from "../../app/session";
import { usePrefs } from "../prefs";
import { CreateTemplate } from "./CreateTemplate";

export function NotTemplate(props: { session: WorkbookSession; onCreated: () => void; onError: (e: unknown) => void; onImportHere: () => void }) {
  const { t } = usePrefs();
  return (
    <>
      <MessageBar intent="info" layout="multiline" data-testid="not-template">
        <MessageBarBody>
          <MessageBarTitle>{t("notTemplateTitle")}</MessageBarTitle>
          {t("notTemplateBody")}
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button onClick={props.onImportHere} data-testid="import-here">{t("importHere")}</Button>
        <Caption1 as="p">{t("importLegacyHint")}</Caption1>
      </div>
      <CreateTemplate session={props.session} onCreated={props.onCreated} onError={props.onError} />
    </>
  );
}
