import { statSync } from "node:fs";
import { StoreUnavailableError } from "../store-unavailable";

/**
 * Watches that `file` still names the database file this process opened. Deleted or replaced under a
 * running server, the open connection would go on reading and writing a file nobody will see again (a POST
 * answered 201 and lost), and a new connection would open another world: so from then on the check throws,
 * for every request, until the server restarts on whatever the path now holds. Says why, once, in the log.
 */
export function fileGuard(file: string): () => void {
  const opened = statSync(file);
  let lost: StoreUnavailableError | undefined;
  return () => {
    if (lost) throw lost;
    const now = statSync(file, { throwIfNoEntry: false });
    if (now && now.ino === opened.ino && now.dev === opened.dev) return;
    const what = now ? "replaced by another file" : "deleted";
    lost = new StoreUnavailableError("file_lost", `the store file ${file} was ${what} while the server ran`);
    console.error(
      `[eventdesk] The store file ${file} was ${what} while the server ran. Every request now answers 503 ` +
        "and nothing more is saved; restart the server to open what that path holds now.",
    );
    throw lost;
  };
}
