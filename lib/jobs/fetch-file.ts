// Downloading a published file for a job (the CBR daily rates, the OFAC SDN list). Any failure —
// timeout, HTTP error, a body over the limit — throws before the caller writes anything, so the job
// fails cleanly and graphile-worker retries it with backoff (docs/operations.md, "Retries").

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/** JOBS_FETCH_TIMEOUT_MS (validated in lib/config/env.ts), else 30 s. */
export function fetchTimeoutMs(value = process.env.JOBS_FETCH_TIMEOUT_MS): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_FETCH_TIMEOUT_MS;
}

export class FetchFileError extends Error {
  constructor(url: string, reason: string) {
    // The URL is configuration, not a secret; a query string could be, so only origin and path are named.
    let where = url;
    try {
      const u = new URL(url);
      where = `${u.origin}${u.pathname}`;
    } catch {
      // not a URL: named as given (env validation refuses such values at boot)
    }
    super(`fetching ${where}: ${reason}`);
    this.name = "FetchFileError";
  }
}

/** The body of `url` (redirects followed), or a FetchFileError. The timeout covers the whole download. */
export async function fetchFile(url: string, options: { timeoutMs: number; maxBytes: number }): Promise<Uint8Array> {
  let response: Response;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    response = await fetch(url, { signal, headers: { "user-agent": "twoway-jobs" } });
  } catch (error) {
    throw new FetchFileError(url, signal.aborted ? `no answer within ${options.timeoutMs} ms` : errorText(error));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new FetchFileError(url, `HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length"));
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FetchFileError(url, `${declared} bytes, over the ${options.maxBytes} limit`);
  }
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > options.maxBytes) throw new FetchFileError(url, `${bytes.length} bytes, over the ${options.maxBytes} limit`);
    return bytes;
  } catch (error) {
    if (error instanceof FetchFileError) throw error;
    throw new FetchFileError(url, signal.aborted ? `no complete answer within ${options.timeoutMs} ms` : errorText(error));
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
