/**
 * The layering rule (issue 17), after vscode's `.eslint-plugin-local/code-layering.ts`: each folder of
 * src/ is a layer with an allow-list of the layers it may import, and anything else is
 * "Bad layering. You are not allowed to access X from here, allowed layers are: […]".
 *
 *   domain ← workbook ← app ← hosts ← cli / taskpane / commands
 *
 * The user interfaces (cli, taskpane, commands) reach the workbook format only through app/'s use cases:
 * what a UI needs from a sheet's layout is a use case's to give, so CLI and pane share it.
 * Only relative imports are checked (libraries are the no-restricted-imports rule's business).
 */
import path from "node:path";

export const LAYERS = {
  domain: ["domain"],
  workbook: ["domain", "workbook"],
  app: ["domain", "workbook", "app"],
  hosts: ["domain", "workbook", "app", "hosts"],
  cli: ["domain", "app", "hosts", "cli"],
  taskpane: ["domain", "app", "hosts", "taskpane"],
  commands: ["domain", "app", "hosts", "commands"],
};

/** The layer of a file: the folder right under src/, or undefined outside src/. */
function layerOf(file) {
  const parts = path.normalize(file).split(path.sep);
  const i = parts.lastIndexOf("src");
  return i >= 0 && i + 2 < parts.length + 1 ? parts[i + 1] : undefined;
}

export const codeLayering = {
  meta: {
    type: "problem",
    docs: { description: "each src/ layer imports only the layers it is allowed to" },
    schema: [],
    messages: {
      layer: "Bad layering. You are not allowed to access {{target}} from here ({{from}}), allowed layers are: [{{allowed}}]",
      unknown: "src/{{from}} is not a known layer: add it to tools/eslint-local/code-layering.mjs",
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = layerOf(file);
    if (!from || !file.includes(`${path.sep}src${path.sep}`)) return {};
    const allowed = LAYERS[from];
    const check = (node, source) => {
      if (typeof source !== "string" || !source.startsWith(".")) return;
      if (!allowed) {
        context.report({ node, messageId: "unknown", data: { from } });
        return;
      }
      const target = layerOf(path.resolve(path.dirname(file), source));
      if (target && !allowed.includes(target)) {
        context.report({ node, messageId: "layer", data: { target, from, allowed: allowed.join(", ") } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

export default { rules: { "code-layering": codeLayering } };
