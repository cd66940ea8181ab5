import { describe, expect, it } from "vitest";
import { orgTree } from "./org-tree";

describe("orgTree", () => {
  it("lists parents before their children, siblings by name", () => {
    const tree = orgTree([
      { id: 3, name: "Acme Retail", parent_id: 1 },
      { id: 4, name: "Globex", parent_id: null },
      { id: 2, name: "Acme Logistics", parent_id: 1 },
      { id: 1, name: "Acme Group", parent_id: null },
    ]);
    expect(tree.map(({ org, depth }) => [org.id, depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 1],
      [4, 0],
    ]);
  });

  it("treats an organisation whose parent is not readable as a root", () => {
    expect(orgTree([{ id: 2, name: "Acme Logistics", parent_id: 1 }])).toEqual([
      { org: { id: 2, name: "Acme Logistics", parent_id: 1 }, depth: 0 },
    ]);
  });
});
