/**
 * Keeps some columns of a CSV (RFC 4180) as it streams: `const projection = csvProjection(["timestamp",
 * "description"])`, then `projection.push(text)` for each decoded chunk and `projection.end()` once, each
 * returning the projected text so far. Columns are found by name in the header record and written in the order
 * asked; a name the header lacks gives empty cells. Cells are copied as they came, quotes and the writer's
 * formula guard included, as are a leading byte order mark and each record's line ending. Chunks may split a
 * record, a cell or a `""` anywhere.
 */
export function csvProjection(columns: readonly string[]) {
  const quote = 0x22;
  const comma = 0x2c;
  const lineFeed = 0x0a;
  let quoted = false;
  let cell = "";
  let cells: string[] = [];
  /** Where each asked column is in the header (-1: missing); undefined until the header has arrived. */
  let picks: number[] | undefined;

  /** The record in `cells`, projected and ended as it was (`ending`: the line feed, or "" at the end). */
  const record = (ending: string): string => {
    const last = cells.length - 1;
    const lastCell = cells[last] ?? "";
    const crlf = ending === "\n" && lastCell.endsWith("\r");
    if (crlf) cells[last] = lastCell.slice(0, -1);
    let line: string;
    if (picks === undefined) {
      const first = cells[0] ?? "";
      const bom = first.startsWith("\uFEFF") ? "\uFEFF" : "";
      cells[0] = first.slice(bom.length);
      const names = cells.map(headerName);
      const found = columns.map((column) => names.indexOf(column));
      picks = found;
      line = bom + columns.map((column, at) => cells[found[at] ?? -1] ?? headerCell(column)).join(",");
    } else {
      line = picks.map((index) => cells[index] ?? "").join(",");
    }
    cells = [];
    return line + (crlf ? "\r\n" : ending);
  };

  return {
    push(text: string): string {
      let out = "";
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === quote) quoted = !quoted;
        else if (!quoted && (code === comma || code === lineFeed)) {
          cells.push(cell + text.slice(start, i));
          cell = "";
          start = i + 1;
          if (code === lineFeed) out += record("\n");
        }
      }
      cell += text.slice(start);
      return out;
    },
    /** The last record, when the text does not end with a line ending. */
    end(): string {
      if (cell === "" && cells.length === 0) return "";
      cells.push(cell);
      cell = "";
      return record("");
    },
  };
}

function headerName(cell: string): string {
  return cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
}

function headerCell(name: string): string {
  return /[",\r\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name;
}
