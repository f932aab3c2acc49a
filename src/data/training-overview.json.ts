// /fortbildung/: years, gaps and source changes of the main series of two examples, for the hub's cards.
import {TRAINING_EXAMPLES, trainingDirectory, trainingExample} from "../../pipelines/exports/training.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";
import {seriesOutline} from "../shared/training-series.ts";

process.stdout.write(
  JSON.stringify(
    await withWarehouse(DEFAULT_WAREHOUSE, async (c) => {
      const directory = await trainingDirectory(c);
      const outline = async (slug: "kita-u3" | "ohne-abschluss") => seriesOutline({...(await trainingExample(c, slug)), ...directory}, TRAINING_EXAMPLES[slug][0]);
      return {"kita-u3": await outline("kita-u3"), "ohne-abschluss": await outline("ohne-abschluss")};
    })
  )
);
