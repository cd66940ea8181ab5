import { describe, expect, it } from "vitest";
import { copyArguments } from "./copy-arguments";

const url = "postgres://eventdesk:secret@db.example:5432/eventdesk";

describe("store:copy's arguments", () => {
  it("takes --from and --to", () => {
    expect(copyArguments(["--from", "./data/eventdesk.db", "--to", url])).toEqual({
      help: false,
      from: "./data/eventdesk.db",
      to: url,
    });
    expect(copyArguments(["--from=a.db", "--to=postgresql://localhost/x"])).toMatchObject({ from: "a.db" });
  });

  it("answers help whatever else is given", () => {
    expect(copyArguments(["--help"])).toEqual({ help: true });
    expect(copyArguments(["--from", "a.db", "--help"])).toEqual({ help: true });
  });

  it.each([
    [[], /--from is missing/],
    [["--from", "a.db"], /--to is missing/],
    [["--to", url], /--from is missing/],
    [["--from", "a.db", "--to", "mysql://localhost/x"], /--to must be a PostgreSQL URL/],
    [["--from", "a.db", "--to", "./other.db"], /--to must be a PostgreSQL URL/],
    [["--form", "a.db", "--to", url], /Unknown option '--form'/],
    [["a.db", url], /Unexpected argument 'a.db'/],
    [["--from"], /argument missing/],
  ])("refuses %j, saying why and how it is used", (args, why) => {
    expect(() => copyArguments(args)).toThrow(why);
    expect(() => copyArguments(args)).toThrow(/Usage: npm run store:copy -- --from/);
  });
});
