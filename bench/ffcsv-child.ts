// Runs the streaming GENESIS parser over one file in its own process, so that its peak RSS is
// its own; prints {records, seconds, peak_rss_mb, with_value} as JSON on stdout.
import {parseGenesisFile} from "../loaders/genesis/index.ts";

const path = process.argv[2]!;
let withValue = 0;
let checksum = 0;
const started = performance.now();
const summary = await parseGenesisFile(path, {
  onRecord(record) {
    if (record.value !== null) {
      withValue++;
      checksum += record.value;
    }
  }
});
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({records: summary.records, seconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024, with_value: withValue, checksum}) + "\n");
