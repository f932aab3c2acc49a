/** Text alternatives for charts; shared with pipelines that draw the same charts. */
export * from "../shared/charts/a11y.js";
