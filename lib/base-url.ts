// The public base URL of the app, for links in e-mails and anything shown to be copied elsewhere.
// It comes only from configuration (APP_URL, else AUTH_URL) — never from Host or X-Forwarded-Host,
// which a client controls. `npm start` on the embedded database sets it to the local URL; a
// production server refuses to start without it (scripts/server.ts).

function clean(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/** APP_URL or AUTH_URL without a trailing slash, or null when neither is a valid http(s) URL. */
export function configuredBaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return clean(env.APP_URL) ?? clean(env.AUTH_URL);
}

/** The base URL; outside production a missing setting falls back to the local server. */
export function baseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = configuredBaseUrl(env);
  if (configured) return configured;
  if (env.NODE_ENV === "production") throw new Error("APP_URL is not set: links in e-mails need the public base URL");
  return `http://localhost:${env.PORT ?? 3000}`;
}

/** Puts `link`'s path and query on the configured base (whatever host it was built with). */
export function onBaseUrl(link: string, env: NodeJS.ProcessEnv = process.env): string {
  const u = new URL(link);
  return `${baseUrl(env)}${u.pathname}${u.search}${u.hash}`;
}
