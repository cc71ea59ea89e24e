/**
 * The reference bundle of bench/bundle.ts: React + FluentProvider + webLightTheme rendering, trivially,
 * every Fluent UI name the task pane imports, and no Sujarit code. Its size is what those Fluent
 * components cost on their own; the task pane's size over it is what Sujarit adds (core, exceljs, pages).
 *
 * `./used` is replaced at build time by a generated `export { … } from "@fluentui/…"` list; using the
 * namespace as a whole keeps every listed export (and nothing else) in the bundle.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Component, createElement, type ErrorInfo, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import * as used from "./used";

/** A component as React sees it: a function named in PascalCase, or a forwardRef/memo object. */
function isComponent(name: string, value: unknown): value is (props: object) => ReactNode {
  if (!/^[A-Z]/.test(name)) return false;
  if (typeof value === "function") return true;
  return typeof value === "object" && value !== null && "$$typeof" in value;
}

/** Some components need a parent (Tab without TabList, DialogSurface without Dialog): render nothing then. */
class Isolated extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    /* expected for context-bound components */
  }
  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

function Everything(): JSX.Element {
  const entries = Object.entries(used as Record<string, unknown>);
  return (
    <>
      {entries.map(([name, value]) =>
        isComponent(name, value) ? (
          <Isolated key={name}>{createElement(value, {})}</Isolated>
        ) : (
          <span key={name} hidden data-name={name}>
            {typeof value}
          </span>
        ),
      )}
    </>
  );
}

const root = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
createRoot(root).render(
  <FluentProvider theme={webLightTheme}>
    <Everything />
  </FluentProvider>,
);
