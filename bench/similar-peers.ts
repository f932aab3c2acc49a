/**
 * similar_peers_s: what the peer group "aehnliche" adds to `kbm data`: the neighbour
 * computation (context, z-scores, 412 × 411 distances, tables) plus the region's own
 * comparison rows, from the build's own stage timer (BuildResult.stages.similar) on the
 * committed snapshot. Median of `repeat` in-process builds into a temp target.
 */
import {join} from "node:path";
import {buildWarehouse} from "../pipelines/warehouse/build.ts";
import {median, round, type Measurement} from "./types.ts";

export const similarPeers: Measurement = {
  keys: ["similar_peers_s"],
  async run({root, tmp, repeat}) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const result = await buildWarehouse({snapshotDir: join(root, "data/snapshot"), target: join(tmp, `similar-${i}.duckdb`), updatesDir: join(root, "data/updates")});
      times.push(result.stages.similar ?? Number.NaN);
    }
    return [{key: "similar_peers_s", value: round(median(times)), unit: "s", target: "≤ 1", note: `part of kbm data spent on the similar peers (neighbours + own comparison rows), median of ${repeat}`}];
  }
};
