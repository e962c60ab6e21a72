// A TCP proxy between the app processes and PostgreSQL that the fault suite can break:
//   refuse()    — the listener closes (new connections get ECONNREFUSED) and every open connection is
//                 reset, as when the database restarts or its host goes away;
//   blackhole() — a network partition: connections are accepted but nothing is forwarded either way;
//                 open connections freeze (bytes are held, as TCP would retransmit them), new ones
//                 are held unconnected;
//   restore()   — forwarding resumes: held bytes flow, held connections are connected upstream.
import net from "node:net";

export type ProxyMode = "open" | "refuse" | "blackhole";

type Pair = { client: net.Socket; upstream?: net.Socket; toUpstream: Buffer[]; toClient: Buffer[] };

export type PgProxy = {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  mode(): ProxyMode;
  refuse(): Promise<void>;
  blackhole(): void;
  restore(): Promise<void>;
  /** Connections currently open through the proxy. */
  connections(): number;
  close(): Promise<void>;
};

export async function startPgProxy(target: { host: string; port: number }): Promise<PgProxy> {
  let mode: ProxyMode = "open";
  const pairs = new Set<Pair>();
  let server: net.Server;
  let port = 0;

  function drain(pair: Pair) {
    if (!pair.upstream || pair.upstream.connecting) return;
    for (const chunk of pair.toUpstream.splice(0)) pair.upstream.write(chunk);
    for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
  }

  function connectUpstream(pair: Pair) {
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.setNoDelay(true);
    upstream.on("connect", () => {
      if (mode === "open") drain(pair);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (mode === "open") pair.client.write(chunk);
      else pair.toClient.push(chunk);
    });
    upstream.on("error", () => {});
    upstream.on("close", () => pair.client.destroy());
  }

  function onConnection(client: net.Socket) {
    const pair: Pair = { client, toUpstream: [], toClient: [] };
    pairs.add(pair);
    client.setNoDelay(true);
    client.on("error", () => {});
    client.on("close", () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    client.on("data", (chunk: Buffer) => {
      if (mode === "open" && pair.upstream && !pair.upstream.connecting) pair.upstream.write(chunk);
      else pair.toUpstream.push(chunk);
    });
    if (mode === "open") connectUpstream(pair);
  }

  function listen(p: number): Promise<void> {
    server = net.createServer(onConnection);
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(p, "127.0.0.1", () => {
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  await listen(0);

  return {
    get port() {
      return port;
    },
    urlFor(url) {
      const u = new URL(url);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    mode: () => mode,
    async refuse() {
      mode = "refuse";
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const pair of pairs) {
          pair.client.resetAndDestroy();
          pair.upstream?.destroy();
        }
      });
    },
    blackhole() {
      mode = "blackhole";
    },
    async restore() {
      if (mode === "refuse") await listen(port);
      mode = "open";
      for (const pair of pairs) {
        if (!pair.upstream) connectUpstream(pair);
        else drain(pair);
      }
    },
    connections: () => pairs.size,
    async close() {
      mode = "refuse";
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
