/** "Eigene Daten": one module for the page /eigene-daten/, `kbm own` and the warehouse (docs/eigene-daten.md). */
export {checkOwnFiles, type CheckResult, type OwnDataset, type OwnFile, type OwnFiles} from "./check.js";
export {readAreas, type Areas, type AreaFeature} from "./areas.js";
export {readDataCsv, readMetaCsv, type OwnMeta, type OwnRow} from "./csv.js";
export {decodeText, type Encoding} from "./encoding.js";
export {DEFAULT_THRESHOLD, SMALL_FLAG, flagLabels, ownChanges, ownIndicators, ownValue, type OwnChange, type OwnIndicator, type OwnValue, type Polarity} from "./model.js";
export {readGermanNumber} from "./numbers.js";
export {formatProblem, isError, problem, type OwnProblem} from "./problems.js";
export {DATA_COLUMNS, DATA_OPTIONAL, META_COLUMNS, OWN_FLAGS} from "./schema.js";
export {dataTemplate, metaTemplate} from "./template.js";
