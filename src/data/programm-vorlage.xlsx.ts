// /programm/: the empty Excel template of the programme sheets (one sheet per list, columns in row 1).
import {templateWorkbook} from "../../pipelines/programme/sheet-files.ts";

process.stdout.write(await templateWorkbook());
