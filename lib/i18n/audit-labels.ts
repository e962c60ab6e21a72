// The audit log page shows each entry's action and record type by name (partners:audit.actions.* and
// partners:audit.entityTypes.*). This finds every action and entity type the code can record — a
// property named `action` or `audit`, the second argument of a local `audit(ctx, …)` helper, and
// `entityType: "…"` — and reports those without a name in every language, so a new audited action
// cannot reach the page as `payouts.run_approved` or `PayoutRun`.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const ACTION = /^[a-z_]+\.[a-z_]+$/;
const SKIP = /(\.test\.tsx?$|\/generated\/|\/node_modules\/)/;

export type AuditVocabulary = { actions: Set<string>; actionPrefixes: Set<string>; entityTypes: Set<string> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.test(path)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function collect(node: ts.Node, into: AuditVocabulary) {
  const strings = (expr: ts.Node) => {
    if (ts.isStringLiteralLike(expr) && ACTION.test(expr.text)) into.actions.add(expr.text);
    else if (ts.isTemplateExpression(expr) && /^[a-z_]+\.[a-z_]*$/.test(expr.head.text)) into.actionPrefixes.add(expr.head.text);
    else if (ts.isConditionalExpression(expr) || ts.isParenthesizedExpression(expr)) ts.forEachChild(expr, strings);
  };
  if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
    if (node.name.text === "action" || node.name.text === "audit") strings(node.initializer);
    if (node.name.text === "entityType" && ts.isStringLiteralLike(node.initializer) && /^[A-Z]/.test(node.initializer.text)) {
      into.entityTypes.add(node.initializer.text);
    }
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "audit" && node.arguments[1]) {
    strings(node.arguments[1]);
  }
  ts.forEachChild(node, (child) => collect(child, into));
}

/** Every audit action and entity type recorded by the code under `dirs` (relative to `root`). */
export function auditVocabulary(root: string, dirs = ["lib", "app"]): AuditVocabulary {
  const into: AuditVocabulary = { actions: new Set(), actionPrefixes: new Set(), entityTypes: new Set() };
  for (const file of dirs.flatMap((d) => sourceFiles(join(root, d)))) {
    collect(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX), into);
  }
  return into;
}

type Json = { [key: string]: string | Json };

/** Audit actions and entity types without a name in one of the languages under `localesDir`. */
export function checkAuditLabels(root: string, localesDir = join(root, "locales"), vocabulary = auditVocabulary(root)): string[] {
  const problems: string[] = [];
  for (const lng of readdirSync(localesDir).filter((d) => !d.startsWith("."))) {
    const audit = (JSON.parse(readFileSync(join(localesDir, lng, "partners.json"), "utf8")) as Json).audit as Json | undefined;
    const actions = (audit?.actions ?? {}) as Json;
    const types = (audit?.entityTypes ?? {}) as Json;
    const named = (action: string) => {
      const [group, name] = action.split(".");
      const node = actions[group!];
      return typeof node === "object" && typeof node[name!] === "string";
    };
    for (const action of vocabulary.actions) if (!named(action)) problems.push(`${lng}: audit action ${action} has no partners:audit.actions name`);
    for (const prefix of vocabulary.actionPrefixes) {
      const node = actions[prefix.replace(/\.$/, "").split(".")[0]!];
      const rest = prefix.split(".")[1] ?? "";
      if (typeof node !== "object" || !Object.keys(node).some((k) => k.startsWith(rest))) {
        problems.push(`${lng}: audit actions ${prefix}… have no partners:audit.actions names`);
      }
    }
    for (const type of vocabulary.entityTypes) if (typeof types[type] !== "string") problems.push(`${lng}: audit record type ${type} has no partners:audit.entityTypes name`);
  }
  return problems;
}
