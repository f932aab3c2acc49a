/**
 * Runs nginx (Debian package) on 127.0.0.1 with the deployment configuration from
 * docs/deploy/, wrapped in a minimal main config in a temp prefix. Loopback only.
 */
import {spawn, spawnSync, type ChildProcess} from "node:child_process";
import {copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";

export const NGINX = process.env.KBM_NGINX ?? "/usr/sbin/nginx";
const DEPLOY = resolve(import.meta.dirname, "../../docs/deploy");

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

export interface NginxServer {
  url: string;
  close(): Promise<void>;
}

export async function serveWithNginx(dist: string): Promise<NginxServer> {
  if (!existsSync(NGINX)) throw new Error(`nginx fehlt unter ${NGINX}: "apt-get install -y nginx-light"`);
  const prefix = mkdtempSync(join(tmpdir(), "kbm-nginx-"));
  const port = await freePort();
  copyFileSync(join(DEPLOY, "security-headers.conf"), join(prefix, "security-headers.conf"));
  const site = readFileSync(join(DEPLOY, "kbm-site.conf"), "utf-8")
    .replace(/listen \d+;/, `listen 127.0.0.1:${port};`)
    .replace(/root [^;]+;/, `root ${resolve(dist)};`)
    .replace("include security-headers.conf;", `include ${join(prefix, "security-headers.conf")};`);
  if (site.includes("/srv/")) throw new Error("kbm-site.conf: root not replaced");
  writeFileSync(join(prefix, "site.conf"), site.replaceAll("include security-headers.conf;", `include ${join(prefix, "security-headers.conf")};`));
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  writeFileSync(
    join(prefix, "nginx.conf"),
    `${user}worker_processes 1;\ndaemon off;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/error.log warn;\nevents { worker_connections 64; }\nhttp {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n  client_body_temp_path ${prefix}/body;\n  proxy_temp_path ${prefix}/proxy;\n  fastcgi_temp_path ${prefix}/fastcgi;\n  uwsgi_temp_path ${prefix}/uwsgi;\n  scgi_temp_path ${prefix}/scgi;\n  include ${prefix}/site.conf;\n}\n`
  );
  const check = spawnSync(NGINX, ["-t", "-p", prefix, "-c", join(prefix, "nginx.conf")], {encoding: "utf-8"});
  if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
  const child: ChildProcess = spawn(NGINX, ["-p", prefix, "-c", join(prefix, "nginx.conf")], {stdio: "ignore"});
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await fetch(url + "/").then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    close: () =>
      new Promise((done) => {
        child.once("exit", () => done());
        child.kill("SIGQUIT");
      })
  };
}
