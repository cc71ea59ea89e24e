/** Errors in plain Thai (or English) first; the technical detail folded away for whoever supports the user. */
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, MessageBar, MessageBarActions, MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { SheetConflictError } from "../app/port";
import type { MessageKey } from "./i18n";
import { usePrefs } from "./prefs";

export interface ShownError {
  readonly title: MessageKey;
  readonly error: unknown;
}

/** What the user is told; WorkbookOpenError messages are already bilingual sentences ("ไทย / English"). */
export function plainMessage(error: unknown, lang: "th" | "en"): string {
  if (error instanceof SheetConflictError) return error.sheets.join(", ");
  const message = error instanceof Error ? error.message : String(error);
  const parts = message.split(" / ");
  if (parts.length === 2) return lang === "th" ? (parts[1] as string) : (parts[0] as string);
  return message;
}

export function ErrorBar({ shown, onDismiss, actionLabel, hint }: { shown: ShownError; onDismiss: () => void; actionLabel: MessageKey; hint?: MessageKey }) {
  const { t, prefs } = usePrefs();
  const detail = shown.error instanceof Error ? `${shown.error.name}: ${shown.error.message}` : String(shown.error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{t(shown.title)}</MessageBarTitle>
        <span data-testid="error-message">{plainMessage(shown.error, prefs.lang)}</span>
        {hint && <div data-testid="error-hint">{t(hint)}</div>}
        <Accordion collapsible>
          <AccordionItem value="details">
            <AccordionHeader size="small">{t("errorDetails")}</AccordionHeader>
            <AccordionPanel>
              <code style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{detail}</code>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onDismiss}>{t(actionLabel)}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
