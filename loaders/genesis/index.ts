/** Public API of the GENESIS file parser. */
export {checkZipArchive, parseGenesisFile, parseGenesisStream, parseGenesisText, type ByteSource, type StreamOptions} from "./parse.ts";
export type {
  GenesisFlag,
  GenesisLayout,
  GenesisRecord,
  ParseHandlers,
  ParseHeader,
  ParseOptions,
  ParseSummary,
  SetAsideReason,
  SetAsideRow,
  TextEncodingName
} from "./types.ts";
