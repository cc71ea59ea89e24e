// Ribbon function file (manifest FunctionFile → Commands.Url). The ribbon button itself opens the
// task pane (ShowTaskpane); `action` is the ExecuteFunction entry point for future commands.

/** Completes the command event so Office stops showing the button as busy. */
export function action(event?: Office.AddinCommands.Event): void {
  event?.completed();
}

// Outside Office (the page opened in a plain browser, or office.js unreachable) there is nothing
// to register.
if (typeof Office !== "undefined") {
  void Office.onReady();
  // Registered at load, as the Office template does, so it exists before Office calls it.
  // Office.actions is missing in old hosts that predate it; they never call `action`.
  Office.actions?.associate("action", action);
}
