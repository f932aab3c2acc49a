/**
 * Serves dist/ on 127.0.0.1 the way a plain static web server would (clean URLs:
 * /karte/ → karte/index.html, /profil/05315 → profil/05315.html), for `kbm pdf`, the
 * browser tests and the benchmarks. Loopback only.
 */
import {createServer, type Server} from "node:http";
import {createReadStream, existsSync, statSync} from "node:fs";
import {extname, join, normalize, resolve, sep} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".topojson": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".parquet": "application/vnd.apache.parquet",
  ".zip": "application/zip",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8"
};

export interface StaticServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** The file a request path names inside root, or null (also for a malformed %-escape or a path outside root). */
export function resolveRequestPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const base = resolve(root);
  const path = normalize(join(base, decoded));
  // A sibling folder that merely starts with the same name (dist-old next to dist) is outside too.
  if (path !== base && !path.startsWith(base + sep)) return null;
  const candidates = decoded.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`, join(path, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const {pathname} = new URL(req.url ?? "/", "http://localhost");
    requests.push(pathname);
    const file = resolveRequestPath(root, pathname);
    if (!file) {
      res.writeHead(404, {"content-type": "text/plain; charset=utf-8"}).end("nicht gefunden");
      return;
    }
    res.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done()))
  };
}
