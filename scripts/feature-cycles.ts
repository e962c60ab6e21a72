// Import cycles between the folders of lib/ (features, the kernel, lib/db, lib/auth, …), with
// imports resolved the way tsc resolves them (tsconfig paths included). Tests are left out.
// Prints the strongly connected groups of folders, each two-folder loop with one import per side,
// and the number of elementary cycles — for all imports and for runtime imports only (type-only
// imports vanish at compile time). `tsx scripts/feature-cycles.ts [--runtime] [--json]`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "..");
const { config } = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
const runtimeOnly = process.argv.includes("--runtime");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** lib/<folder> for files inside a folder of lib/; files directly in lib/ and everything else: null. */
function folderOf(file: string): string | null {
  const rel = path.relative(root, file).split(path.sep);
  return rel[0] === "lib" && rel.length > 2 ? `lib/${rel[1]}` : null;
}

/** Module specifiers of a file, without the type-only ones when `runtimeOnly`. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const node of source.statements) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (runtimeOnly && isTypeOnly(node)) continue;
      out.push(node.moduleSpecifier.text);
    }
  }
  // Dynamic imports (`await import("…")`) are runtime edges too.
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return false; // side-effect import
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

const edges = new Map<string, Map<string, string>>(); // from → to → one example import
for (const file of walk(path.join(root, "lib"))) {
  const from = folderOf(file);
  if (!from) continue;
  for (const spec of specifiers(file)) {
    const resolved = ts.resolveModuleName(spec, file, options, ts.sys).resolvedModule?.resolvedFileName;
    if (!resolved || resolved.includes("node_modules")) continue;
    const to = folderOf(resolved);
    if (!to || to === from) continue;
    const out = edges.get(from) ?? new Map<string, string>();
    if (!out.has(to)) out.set(to, `${path.relative(root, file)} → ${path.relative(root, resolved)}`);
    edges.set(from, out);
  }
}
const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])].sort();
const next = (n: string) => [...(edges.get(n)?.keys() ?? [])];

// Tarjan: groups of folders that reach each other.
const groups: string[][] = [];
{
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>();
  const strong = (v: string) => {
    idx.set(v, index); low.set(v, index++); stack.push(v); on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) { strong(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); group.push(w); } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  nodes.forEach((n) => idx.has(n) || strong(n));
}

// Elementary cycles (each counted once, from its smallest folder), capped.
const CAP = 1_000_000;
let cycleCount = 0;
for (let s = 0; s < nodes.length && cycleCount < CAP; s++) {
  const start = nodes[s];
  const on = new Set([start]);
  const dfs = (v: string) => {
    for (const w of next(v)) {
      if (cycleCount >= CAP) return;
      if (w === start) cycleCount++;
      else if (w > start && !on.has(w)) { on.add(w); dfs(w); on.delete(w); }
    }
  };
  dfs(start);
}
const pairs = nodes.flatMap((a) => next(a).filter((b) => a < b && edges.get(b)?.has(a)).map((b) => [a, b]));

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ groups, pairs, cycles: cycleCount }));
} else {
  for (const group of groups) console.log(`folders in one cycle group (${group.length}): ${group.join(", ")}`);
  for (const [a, b] of pairs) console.log(`${a} ⇄ ${b}\n    ${edges.get(a)!.get(b)}\n    ${edges.get(b)!.get(a)}`);
  console.log(`${runtimeOnly ? "runtime imports" : "all imports"}: ${groups.length} cycle group(s), ${pairs.length} two-folder loop(s), ${cycleCount >= CAP ? `≥${CAP}` : cycleCount} elementary cycle(s) among ${nodes.length} lib folders`);
}
