import type { Container } from "../../contract/container";
import type { Organisation } from "../../contract/organisation";
import type { UserRecord } from "../store/account-store";

/** What the middlewares put on the context for the routes after them. */
export type AppEnv = {
  Variables: {
    /** The signed-in user, read fresh from the store on every request. */
    caller: UserRecord;
    /** When the request's auth token expires (epoch ms): a live stream ends then. */
    authExpiresAtMs: number;
    /** The organisation named in the path, within the caller's reach. */
    org: Organisation;
    /** That organisation and its descendants: the ids a list reads. */
    orgIds: readonly number[];
    /** The container named in the path, within the organisation's reach. */
    container: Container;
  };
};
