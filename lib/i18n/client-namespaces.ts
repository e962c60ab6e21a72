// Static check that every page sends its client components the namespaces they use (issue 13 §7).
// The browser gets only the namespaces that `<ClientTranslations ns={[…]}>` in the page's layouts
// declare; a namespace a client component needs but no layout sends would render raw keys.
//
// What it covers: from each route file under app/ (page, layout, error, not-found, …) it follows
// static and dynamic imports (not `import type`, not into "use server" modules) and, in every module
// that runs in the browser ("use client" and what those import), collects
//   - the namespaces of each `useTranslation(…)` call (all of them, not only the default), and
//   - the `ns:` prefix of literal or template keys passed to a `t` bound by `useTranslation`;
// literal keys (and the fixed parts of template keys) must also exist in the English catalogue.
// What it cannot see: a key computed at run time (`t(message.key)`) is assumed to live in the
// component's default namespace, and a `t` passed in from elsewhere is not followed. Anything it
// cannot read (a non-literal namespace list) is reported rather than guessed.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { namespaces as knownNamespaces } from "./settings";

export const PROVIDER = "ClientTranslations";
export const LAYOUT = "translationsLayout";
const ROUTE_FILES = /^(page|layout|template|error|not-found|loading|default)\.tsx$/;
const PLURAL = /_(zero|one|two|few|many|other)$/;

type ModuleInfo = {
  imports: string[];
  client: boolean;
  server: boolean;
  /** Namespaces the module's client code needs, with where each came from. */
  needs: Map<string, string>;
  problems: string[];
};

export type RouteReport = {
  route: string;
  provides: string[];
  /** Namespaces sent by this file's own provider (layouts). */
  own: string[];
  needs: Map<string, string>;
};

type TBinding = { defaultNs: string };

function parse(file: string) {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
}

function directive(sf: ts.SourceFile, text: string) {
  for (const stmt of sf.statements) {
    if (!ts.isExpressionStatement(stmt) || !ts.isStringLiteral(stmt.expression)) return false;
    if (stmt.expression.text === text) return true;
  }
  return false;
}

function resolveImport(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function stringList(node: ts.Expression | undefined): string[] | null {
  if (!node) return ["common"]; // i18next's defaultNS in lib/i18n/options.ts
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isArrayLiteralExpression(node) && node.elements.every(ts.isStringLiteralLike)) return node.elements.map((e) => (e as ts.StringLiteralLike).text);
  return null;
}

function flatKeys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? flatKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

export class ClientNamespaceScanner {
  private modules = new Map<string, ModuleInfo>();
  private catalogue = new Map<string, Set<string>>();

  constructor(private root: string) {
    for (const ns of knownNamespaces) {
      const file = join(root, "locales", "en", `${ns}.json`);
      if (!existsSync(file)) continue;
      const keys = flatKeys(JSON.parse(readFileSync(file, "utf8")) as object).map((k) => k.replace(PLURAL, ""));
      this.catalogue.set(ns, new Set(keys));
    }
  }

  private keyExists(ns: string, key: string) {
    return this.catalogue.get(ns)?.has(key) ?? false;
  }

  private patternExists(ns: string, pattern: RegExp) {
    return [...(this.catalogue.get(ns) ?? [])].some((k) => pattern.test(k));
  }

  private module(file: string, asClient: boolean): ModuleInfo {
    const cacheKey = `${file}|${asClient}`;
    const cached = this.modules.get(cacheKey);
    if (cached) return cached;
    const sf = parse(file);
    const client = asClient || directive(sf, "use client");
    const info: ModuleInfo = { imports: [], client, server: directive(sf, "use server"), needs: new Map(), problems: [] };
    this.modules.set(cacheKey, info);
    const where = (node: ts.Node) => `${relative(this.root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const scopes: Map<string, TBinding>[] = [];
    const lookup = (name: string) => {
      for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i].has(name)) return scopes[i].get(name);
      return undefined;
    };
    const need = (ns: string, node: ts.Node) => {
      if (!(knownNamespaces as readonly string[]).includes(ns)) info.problems.push(`${where(node)}: unknown namespace "${ns}"`);
      else if (!info.needs.has(ns)) info.needs.set(ns, where(node));
    };
    const keyArg = (arg: ts.Expression, defaultNs: string, node: ts.Node) => {
      if (ts.isParenthesizedExpression(arg)) return keyArg(arg.expression, defaultNs, node);
      if (ts.isConditionalExpression(arg)) {
        keyArg(arg.whenTrue, defaultNs, node);
        keyArg(arg.whenFalse, defaultNs, node);
        return;
      }
      let fixed: string;
      let pattern: RegExp | null = null;
      if (ts.isStringLiteralLike(arg)) fixed = arg.text;
      else if (ts.isTemplateExpression(arg)) {
        fixed = arg.head.text;
        const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        pattern = new RegExp(`^${[arg.head.text, ...arg.templateSpans.map((s) => s.literal.text)].map(escape).join(".+")}$`);
      } else return; // computed at run time: assumed to be in the default namespace (already required)
      const colon = fixed.indexOf(":");
      const ns = colon > 0 ? fixed.slice(0, colon) : defaultNs;
      need(ns, node);
      const strip = (re: RegExp) => new RegExp(re.source.replace(`^${ns}:`, "^"));
      if (pattern) {
        const p = colon > 0 ? strip(pattern) : pattern;
        if (!this.patternExists(ns, p)) info.problems.push(`${where(node)}: no key in ${ns} matches ${p}`);
      } else {
        const key = colon > 0 ? fixed.slice(colon + 1) : fixed;
        if (!this.keyExists(ns, key)) info.problems.push(`${where(node)}: missing key ${ns}:${key}`);
      }
    };
    const bindingsOf = (body: ts.Node) => {
      const map = new Map<string, TBinding>();
      const visitDecl = (decl: ts.VariableDeclaration) => {
        const init = decl.initializer;
        if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== "useTranslation") return;
        const list = stringList(init.arguments[0]);
        if (!list) return;
        if (ts.isObjectBindingPattern(decl.name)) {
          for (const el of decl.name.elements) {
            const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : "";
            if (prop === "t" && ts.isIdentifier(el.name)) map.set(el.name.text, { defaultNs: list[0] });
          }
        }
      };
      if (ts.isBlock(body)) for (const stmt of body.statements) if (ts.isVariableStatement(stmt)) stmt.declarationList.declarations.forEach(visitDecl);
      return map;
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) info.imports.push(node.moduleSpecifier.text);
      if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) info.imports.push(node.moduleSpecifier.text);
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) info.imports.push(node.arguments[0].text);
      const fn = ts.isFunctionLike(node) && "body" in node && node.body ? (node.body as ts.Node) : null;
      if (fn) scopes.push(bindingsOf(fn));
      if (client && ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        if (node.expression.text === "useTranslation") {
          const list = stringList(node.arguments[0]);
          if (!list) info.problems.push(`${where(node)}: useTranslation with a namespace list that is not literal`);
          else for (const ns of list) need(ns, node);
        }
        const binding = lookup(node.expression.text);
        if (binding && node.arguments[0]) keyArg(node.arguments[0], binding.defaultNs, node);
      }
      ts.forEachChild(node, visit);
      if (fn) scopes.pop();
    };
    visit(sf);
    info.imports = info.imports.map((spec) => resolveImport(this.root, file, spec)).filter((f): f is string => !!f);
    return info;
  }

  /** Namespaces used by browser code reachable from `entry` (a route file), and problems found on the way. */
  reachable(entry: string): { needs: Map<string, string>; problems: string[] } {
    const needs = new Map<string, string>();
    const problems: string[] = [];
    const seen = new Set<string>();
    const walk = (file: string, asClient: boolean) => {
      const key = `${file}|${asClient}`;
      if (seen.has(key)) return;
      seen.add(key);
      const info = this.module(file, asClient);
      if (info.server && file !== entry) return; // server actions are references, not code, in the browser
      for (const [ns, at] of info.needs) if (!needs.has(ns)) needs.set(ns, at);
      problems.push(...info.problems);
      for (const dep of info.imports) walk(dep, info.client);
    };
    walk(entry, false);
    return { needs, problems: [...new Set(problems)] };
  }

  /**
   * The namespaces a route file sends: `export default translationsLayout([…])`, or a
   * `<ClientTranslations ns={[…]}>` that wraps `{children}` (for the routes below) and, when it is the
   * outermost element of everything the default export returns, the file's own client code too.
   */
  provided(file: string): { ns: string[]; own: string[]; problems: string[] } {
    const sf = parse(file);
    const rel = relative(this.root, file);
    const problems: string[] = [];
    for (const stmt of sf.statements) {
      if (ts.isExportAssignment(stmt) && ts.isCallExpression(stmt.expression) && ts.isIdentifier(stmt.expression.expression) && stmt.expression.expression.text === LAYOUT) {
        const arg = stmt.expression.arguments[0];
        const list = arg && ts.isArrayLiteralExpression(arg) ? stringList(arg) : null;
        if (!list) return { ns: [], own: [], problems: [`${rel}: ${LAYOUT} needs a literal list of namespaces`] };
        return { ns: list, own: list, problems };
      }
    }
    const openingOf = (node: ts.Node) => (ts.isJsxElement(node) ? node.openingElement : ts.isJsxSelfClosingElement(node) ? node : null);
    const isProvider = (node: ts.Node) => {
      const opening = openingOf(node);
      return !!opening && ts.isIdentifier(opening.tagName) && opening.tagName.text === PROVIDER;
    };
    const ns: string[] = [];
    const providers: ts.Node[] = [];
    const visit = (node: ts.Node) => {
      if (isProvider(node)) {
        providers.push(node);
        const opening = openingOf(node)!;
        const attr = opening.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText(sf) === "ns");
        const value = attr && ts.isJsxAttribute(attr) && attr.initializer && ts.isJsxExpression(attr.initializer) ? attr.initializer.expression : undefined;
        const list = value && ts.isArrayLiteralExpression(value) ? stringList(value) : null;
        if (!list) problems.push(`${rel}: ${PROVIDER} needs a literal ns={[…]} list`);
        else ns.push(...list);
        let wraps = false;
        const findChildren = (n: ts.Node) => {
          if (ts.isJsxExpression(n) && n.expression && ts.isIdentifier(n.expression) && n.expression.text === "children") wraps = true;
          ts.forEachChild(n, findChildren);
        };
        findChildren(node);
        if (!wraps) problems.push(`${rel}: ${PROVIDER} must wrap {children}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (!providers.length) return { ns, own: [], problems };
    const main = sf.statements.find((s) => ts.isFunctionDeclaration(s) && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) as ts.FunctionDeclaration | undefined;
    const returns: ts.Expression[] = [];
    const collect = (node: ts.Node) => {
      if (ts.isReturnStatement(node) && node.expression) returns.push(node.expression);
      if (!ts.isFunctionLike(node)) ts.forEachChild(node, collect);
    };
    if (main?.body) ts.forEachChild(main.body, collect);
    const unwrap = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? unwrap(e.expression) : e);
    const jsx = returns.map(unwrap).filter((e) => ts.isJsxElement(e) || ts.isJsxSelfClosingElement(e) || ts.isJsxFragment(e));
    const outermost = jsx.length > 0 && jsx.every(isProvider);
    return { ns, own: outermost ? ns : [], problems };
  }

  /** Every route file under app/, with the namespaces its layouts send and the ones its client code needs. */
  routes(): { reports: RouteReport[]; problems: string[] } {
    const appDir = join(this.root, "app");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (ROUTE_FILES.test(name)) files.push(full);
      }
    };
    walk(appDir);
    const problems: string[] = [];
    const sent = new Map<string, { ns: string[]; own: string[] }>();
    for (const file of files) {
      const { ns, own, problems: p } = this.provided(file);
      sent.set(file, { ns, own });
      problems.push(...p);
      if (ns.length && !file.endsWith("/layout.tsx")) problems.push(`${relative(this.root, file)}: send translations from a layout, not a ${file.split("/").pop()}`);
    }
    const reports: RouteReport[] = [];
    for (const file of files) {
      // A layout's own client code gets what its provider covers plus the layouts above; anything
      // else in a folder (page, error, not-found…) renders inside that folder's layout too.
      const isLayout = file.endsWith("/layout.tsx");
      const provides = new Set<string>(isLayout ? sent.get(file)!.own : []);
      for (let dir = isLayout ? dirname(dirname(file)) : dirname(file); dir.startsWith(appDir); dir = dirname(dir)) {
        for (const ns of sent.get(join(dir, "layout.tsx"))?.ns ?? []) provides.add(ns);
      }
      const { needs, problems: p } = this.reachable(file);
      problems.push(...p);
      reports.push({ route: relative(this.root, file), provides: [...provides].sort(), own: sent.get(file)!.ns, needs });
    }
    return { reports, problems: [...new Set(problems)] };
  }
}

/** Problems: namespaces a route's client code uses that none of its layouts send, plus what the scan could not read. */
export function checkClientNamespaces(root: string): string[] {
  const { reports, problems } = new ClientNamespaceScanner(root).routes();
  for (const r of reports) {
    for (const [ns, at] of r.needs) if (!r.provides.includes(ns)) problems.push(`${r.route}: client code uses "${ns}" (${at}) but no layout sends it`);
  }
  return problems;
}
