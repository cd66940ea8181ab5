import { csvLine, type CsvValue } from "../../../contract/csv";
import { exportColumnCount } from "./event-projection";
import type { ReadChunk } from "./export-chunks";
import { isoTimestamp } from "../iso-timestamp";

/** The next chunk of an export as CSV text; undefined once the export is over. */
export type ReadCsv = () => string | undefined;

/**
 * An export's chunks as CSV lines: the rows with their sort keys cut off and the timestamp written as in
 * JSON. Once a chunk comes back empty no further chunk is read.
 */
export function exportCsv(readChunk: ReadChunk): ReadCsv {
  let read: ReadChunk | undefined = readChunk;
  return () => {
    const rows = read?.() ?? [];
    if (rows.length === 0) {
      read = undefined;
      return undefined;
    }
    let text = "";
    for (const row of rows) {
      row.length = exportColumnCount;
      row[1] = isoTimestamp(row[1] as number);
      text += csvLine(row as CsvValue[]);
    }
    return text;
  };
}
