/** The German formats live in src/shared/format.ts (the CLI's report uses them too); pages import them from here. */
export * from "../shared/format.js";
