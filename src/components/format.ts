/** The German formats live in src/shared so pipelines (PDF, report) format like the pages. */
export * from "../shared/format.js";
