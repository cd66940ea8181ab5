import { afterAll, describe, expect, it } from "vitest";
import { eventSchema, type Event } from "../../contract/event";
import { expectError, listAll, startTestServer } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const { acme, support, globex } = server.tokens;

const acmeEvents = (await listAll(server, acme.auth_token, "/orgs/1/events")).rows;
const globexEvents = (await listAll(server, globex.auth_token, "/orgs/4/events")).rows;
const inOrg = (org: number) => acmeEvents.filter((e) => e.organisation.id === org);
const sample = (events: Event[]) =>
  [0, 1, Math.floor(events.length / 2), events.length - 1].map((i) => events[i]);

const getEvent = (token: string, org: number | string, id: number | string) =>
  server.get(`/orgs/${String(org)}/events/${String(id)}`, { token });

describe("GET /orgs/{org_id}/events/{event_id}", () => {
  it("answers an event of the reach exactly as the list shows it, through its organisation or a parent", async () => {
    for (const org of [2, 3]) {
      for (const event of sample(inOrg(org))) {
        if (!event) throw new Error(`organisation ${String(org)} has no events`);
        for (const through of [1, org]) {
          const reply = await getEvent(acme.auth_token, through, event.id);
          expect(reply.status, `${String(through)}/${String(event.id)}`).toBe(200);
          expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
          expect(eventSchema.parse(reply.json)).toEqual(event);
        }
      }
    }
  });

  it("answers the same 404 for an event outside the reach as for one that does not exist", async () => {
    const ofOrg2 = inOrg(2)[0];
    const ofGlobex = globexEvents[0];
    if (!ofOrg2 || !ofGlobex) throw new Error("the demo data lacks events");
    const missing = expectError(await getEvent(acme.auth_token, 1, 999_999_999), 404);
    const cases: [string, number | string, number | string][] = [
      [acme.auth_token, 3, ofOrg2.id], // a sibling organisation's event
      [acme.auth_token, 1, ofGlobex.id], // another tenant's event
      [globex.auth_token, 4, ofOrg2.id],
      [acme.auth_token, 1, "99999999999999999999999"], // digits, but no id is that big
    ];
    for (const [token, org, id] of cases) {
      expect(expectError(await getEvent(token, org, id), 404).message).toBe(missing.message);
    }
    // An organisation out of reach: the organisation's 404, before any event is looked up.
    expectError(await getEvent(globex.auth_token, 1, ofOrg2.id), 404);
  });

  it("lets a support user read what its organisation's lists show, and nothing beyond", async () => {
    const reach = (await listAll(server, support.auth_token, "/organisation/my/event")).rows;
    const own = reach[0];
    const outside = acmeEvents.find((e) => !reach.some((r) => r.id === e.id));
    if (!own) throw new Error("the support user sees no events");
    const ownOrg = own.organisation.id;
    expect(eventSchema.parse((await getEvent(support.auth_token, ownOrg, own.id)).json)).toEqual(own);
    if (outside) expectError(await getEvent(support.auth_token, ownOrg, outside.id), 404);
  });

  it("answers 400 naming event_id for an id that is not digits, even for an organisation out of reach", async () => {
    for (const id of ["abc", "-1", "1.5", "1e3", "0x10", "%20"]) {
      expectError(await getEvent(acme.auth_token, 1, id), 400, "event_id");
      expectError(await getEvent(globex.auth_token, 1, id), 400, "event_id");
    }
  });

  it("asks for a token, and answers only JSON", async () => {
    const event = acmeEvents[0];
    if (!event) throw new Error("no events");
    expectError(await server.get(`/orgs/1/events/${String(event.id)}`), 401);
    const csv = await server.get(`/orgs/1/events/${String(event.id)}`, {
      token: acme.auth_token,
      headers: { accept: "text/csv" },
    });
    expectError(csv, 406);
  });
});
