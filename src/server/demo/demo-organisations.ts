export type OrgProfile = {
  id: number;
  name: string;
  parentId: number | null;
  /** Endpoint name stems and the tags that go with them. */
  fleet: readonly { stem: string; tags: readonly string[]; count: number; tac: string }[];
  users: readonly { username: string; name: string; role: "admin" | "support"; login?: true }[];
  containers: readonly { name: string; blocked?: true; expired?: true; noExpiry?: true; recent?: true }[];
  imsiPrefix: string;
  iccidPrefix: string;
};

/** The demo organisations: their fleets, people and containers. */
export const demoOrganisations: readonly OrgProfile[] = [
  {
    id: 1,
    name: "Acme Group",
    parentId: null,
    fleet: [
      { stem: "hq-gateway", tags: ["hq,network", "hq,network,backup"], count: 3, tac: "35332011" },
      { stem: "hq-badge-reader", tags: ["hq,security"], count: 3, tac: "35693803" },
      { stem: "edge-gateway", tags: ["datacenter,monitoring"], count: 2, tac: "35332011" },
    ],
    users: [
      { username: "admin@acme.test", name: "Ada Lindqvist", role: "admin", login: true },
      { username: "lena.fischer@acme.test", name: "Lena Fischer", role: "admin" },
      { username: "it-automation@acme.test", name: "Group IT automation", role: "support" },
    ],
    containers: [
      { name: "Board minutes 2026-10.docx.enc" },
      { name: "Q3 payroll.xlsx.enc", blocked: true },
      { name: "M&A shortlist.pdf.enc", expired: true },
      { name: "Group audit 2025.zip.enc", noExpiry: true },
      { name: "Brand guidelines v4.pdf.enc", recent: true },
    ],
    imsiPrefix: "26201",
    iccidPrefix: "894901",
  },
  {
    id: 2,
    name: "Acme Logistics",
    parentId: 1,
    fleet: [
      { stem: "truck", tags: ["fleet,eu-central,lte-m", "fleet,nordics,nb-iot"], count: 30, tac: "86473104" },
      { stem: "forklift", tags: ["warehouse,hamburg"], count: 12, tac: "35693803" },
      { stem: "scanner-hh", tags: ["warehouse,hamburg,handheld"], count: 10, tac: "01326300" },
      { stem: "trailer", tags: ["fleet,eu-central,tracker"], count: 8, tac: "86473104" },
    ],
    users: [
      { username: "support@acme.test", name: "Sam Okafor", role: "support", login: true },
      { username: "mia.keller@acme-logistics.test", name: "Mia Keller", role: "admin" },
      { username: "tom.berger@acme-logistics.test", name: "Tom Berger", role: "support" },
      { username: "dispatch-bot@acme-logistics.test", name: "Dispatch automation", role: "support" },
    ],
    containers: [
      { name: "Fleet insurance policy.pdf.enc" },
      { name: "Driver rosters November.xlsx.enc" },
      { name: "Customs declarations Q3.zip.enc", blocked: true, expired: true },
      { name: "Route planning Hamburg.kmz.enc", noExpiry: true },
      { name: "Fuel card PINs.csv.enc", blocked: true },
      { name: "Q3 payroll.xlsx.enc", expired: true, recent: true },
    ],
    imsiPrefix: "26201",
    iccidPrefix: "894901",
  },
  {
    id: 3,
    name: "Acme Retail",
    parentId: 1,
    fleet: [
      { stem: "pos-berlin", tags: ["store,berlin,payment"], count: 14, tac: "35332011" },
      { stem: "kiosk-munich", tags: ["store,munich"], count: 10, tac: "01326300" },
      { stem: "shelf-sensor-cologne", tags: ["store,cologne,sensor"], count: 16, tac: "86473104" },
    ],
    users: [
      { username: "noah.schmidt@acme-retail.test", name: "Noah Schmidt", role: "admin" },
      { username: "emma.wolf@acme-retail.test", name: "Emma Wolf", role: "support" },
      { username: "pos-sync@acme-retail.test", name: "POS sync service", role: "support" },
    ],
    containers: [
      { name: "Store leases 2026.pdf.enc" },
      { name: "Supplier price list.xlsx.enc", blocked: true },
      { name: "Loyalty export.csv.enc", expired: true },
      { name: "POS firmware 5.2.bin.enc", noExpiry: true, recent: true },
      { name: "Black Friday plan.pptx.enc" },
    ],
    imsiPrefix: "26202",
    iccidPrefix: "894902",
  },
  {
    id: 4,
    name: "Globex",
    parentId: null,
    fleet: [
      { stem: "meter-springfield", tags: ["utility,springfield"], count: 18, tac: "35332011" },
      { stem: "pump-station", tags: ["utility,water,critical"], count: 8, tac: "35693803" },
      { stem: "plant-gw", tags: ["plant,scada,critical"], count: 6, tac: "01326300" },
      { stem: "edge-gateway", tags: ["datacenter,monitoring"], count: 8, tac: "35332011" },
    ],
    users: [
      { username: "admin@globex.test", name: "Grace Mbeki", role: "admin", login: true },
      { username: "hank.scorpio@globex.test", name: "Hank Scorpio", role: "admin" },
      { username: "frank.grimes@globex.test", name: "Frank Grimes", role: "support" },
      { username: "api-client@globex.test", name: "Globex API client", role: "support" },
    ],
    containers: [
      { name: "Reactor schematics rev7.dwg.enc", blocked: true },
      { name: "Plant safety audit.pdf.enc", expired: true },
      { name: "Q3 payroll.xlsx.enc" },
      { name: "Customer contracts.zip.enc", noExpiry: true },
      { name: "Shift plan December.xlsx.enc", recent: true },
    ],
    imsiPrefix: "310260",
    iccidPrefix: "890126",
  },
];
