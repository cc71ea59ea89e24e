/**
 * How far a write to the workbook is, for actions that take several round trips to Excel (a large plan's
 * template or report): a bar and "round trip 3 of 12", announced politely to screen readers. Nothing is
 * shown for a write that finishes in one step (the browser's file, a small plan).
 */
import { Field, ProgressBar } from "@fluentui/react-components";
import { usePrefs } from "./prefs";

export interface WriteProgressState {
  readonly done: number;
  readonly total: number;
}

export function WriteProgress({ state }: { readonly state: WriteProgressState | undefined }) {
  const { t, num } = usePrefs();
  if (!state || state.total <= 1) return null;
  const total = Math.max(state.total, state.done);
  return (
    <Field validationMessage={t("writeProgress", { done: num(state.done), total: num(total) })} validationState="none" data-testid="write-progress" aria-live="polite">
      <ProgressBar value={state.done} max={total} thickness="large" />
    </Field>
  );
}
