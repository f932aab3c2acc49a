// Parses one hostile file in its own process and prints {seconds, peak_rss_mb, error} as JSON:
// the error is expected (the input is refused); what is measured is how fast and how small.
import {parseGenesisFile} from "../loaders/genesis/index.ts";

const started = performance.now();
let error = "";
try {
  await parseGenesisFile(process.argv[2]!, {onRecord() {}});
} catch (e) {
  error = (e as Error).message;
}
process.stdout.write(JSON.stringify({seconds: (performance.now() - started) / 1000, peak_rss_mb: process.resourceUsage().maxRSS / 1024, error}) + "\n");
