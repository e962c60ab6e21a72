// Reading a request body with a ceiling. The custom server refuses a declared Content-Length over
// 21 MB before Next sees the request (lib/http/inbound.ts), but a chunked body declares nothing:
// route handlers that read bodies themselves stop here at their own, much smaller limit.

/** The body's bytes, or null once it passes `limit` bytes (reads no further and cancels the stream). */
export async function readLimitedBytes(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text, or null over `limit` bytes. */
export async function readLimitedText(request: Request, limit: number): Promise<string | null> {
  const bytes = await readLimitedBytes(request, limit);
  return bytes === null ? null : Buffer.from(bytes).toString("utf8");
}

/** A urlencoded or multipart form, or null over `limit` bytes or when it does not parse. */
export async function readLimitedForm(request: Request, limit: number): Promise<FormData | null> {
  const bytes = await readLimitedBytes(request, limit);
  if (bytes === null) return null;
  const copy = new Response(Buffer.from(bytes), { headers: { "content-type": request.headers.get("content-type") ?? "" } });
  return copy.formData().catch(() => null);
}
