// The job tasks reach modules marked `import "server-only"` (the Stripe client …). Next resolves that
// marker with the react-server condition inside its bundles; a plain Node process running the worker
// (scripts/server.ts, scripts/worker.ts) must do the same for that one package — and only for it, so
// React and Next still load their normal builds in the web process.
import { registerHooks } from "node:module";

let registered = false;

export function allowServerOnlyImports(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier !== "server-only") return nextResolve(specifier, context);
      return nextResolve(specifier, { ...context, conditions: [...(context.conditions ?? []), "react-server"] });
    },
  });
}
