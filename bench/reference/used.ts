/**
 * Placeholder for type checking only. bench/bundle.ts replaces this module when it builds the reference
 * bundle with a generated one that re-exports exactly the @fluentui/* names src/taskpane imports (read at
 * bench time, so the reference follows the task pane without anyone editing this file).
 */
export { Button } from "@fluentui/react-components";
