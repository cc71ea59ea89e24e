/** A workbook without Sujarit's sheets: explain, and offer to add them without touching the user's own. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { WorkbookSession } from "../../app/session";
import { usePrefs } from "../prefs";
import { CreateTemplate } from "./CreateTemplate";

export function NotTemplate(props: { session: WorkbookSession; onCreated: () => void; onError: (e: unknown) => void }) {
  const { t } = usePrefs();
  return (
    <>
      <MessageBar intent="info" layout="multiline" data-testid="not-template">
        <MessageBarBody>
          <MessageBarTitle>{t("notTemplateTitle")}</MessageBarTitle>
          {t("notTemplateBody")}
        </MessageBarBody>
      </MessageBar>
      <CreateTemplate {...props} />
    </>
  );
}
