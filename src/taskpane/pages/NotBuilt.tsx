/** A page whose feature comes in a later release: say so plainly. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { MessageKey } from "../i18n";
import { usePrefs } from "../prefs";

export function NotBuilt({ what }: { what: MessageKey }) {
  const { t } = usePrefs();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="not-built">
      <MessageBarBody>
        <MessageBarTitle>{t("notBuilt")}</MessageBarTitle>
        <div>{t(what)}</div>
        <div>{t("notBuiltBody")}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
