/**
 * What of Framework's preview output reaches the terminal: the address, one line per page
 * opened, and every problem. Requests for modules, files and the live-reload socket, and the
 * loader cache lines ("[fresh]"), are dropped.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function previewLine(raw: string): string | null {
  const line = raw.replace(ANSI, "").trimEnd();
  if (line === "") return null;
  const request = /^(GET|HEAD|POST) (\S+)/.exec(line);
  if (request) {
    const path = decodeURI(new URL(request[2]!, "http://localhost").pathname);
    // A page is an address without a file extension outside Framework's own folders.
    const isPage = !path.startsWith("/_") && !/\.[a-z0-9]+$/i.test(path);
    return isPage ? `Seite ${path}` : null;
  }
  if (/^(socket (open|close)|[↑↓] )/.test(line)) return null;
  if (/^load \S+ → \[(fresh|using stale)\] success/.test(line)) return null;
  return line;
}
