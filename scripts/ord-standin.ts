// `npm run ord:standin`: the local VK ОРД stand-in (lib/ord/standin.ts) for the demo and manual tries.
// Listens on ORD_STANDIN_PORT (default 12112) and accepts the key ORD_STANDIN_KEY (default
// "standin-key"); point the app at it with ORD_VK_BASE_URL=http://127.0.0.1:12112 and the same
// ORD_VK_API_KEY. Faults for a manual try: POST /__standin/fault {"status":429,"retryAfterSeconds":1,"times":2}.
import { startOrdStandin } from "../lib/ord/standin";

startOrdStandin({ port: Number(process.env.ORD_STANDIN_PORT ?? 12112), apiKey: process.env.ORD_STANDIN_KEY?.trim() || undefined })
  .then((standin) => {
    console.log(`[ord-standin] listening on ${standin.url} (Bearer ${standin.apiKey === "standin-key" ? "standin-key" : "<ORD_STANDIN_KEY>"})`);
    const stop = () => void standin.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
