import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { spawnServer, stopServer, stressPassword, type ChildServer } from "./child-server";
import { call, containerIds, issuedSecrets, signIn, type Answer } from "./stress-client";

/** Why a small tmpfs cannot be mounted here (not root, no CAP_SYS_ADMIN), or undefined when it can. */
export function mountUnavailable(dir: string): string | undefined {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { stdio: "pipe" });
    execFileSync("umount", [dir], { stdio: "pipe" });
    return undefined;
  } catch (error) {
    return `cannot mount a tmpfs at ${dir} (${String(error).split("\n")[0] ?? ""})`;
  }
}

const mount = (...args: string[]) => execFileSync("mount", args, { stdio: "pipe" });

type Scene = { server: ChildServer; token: string; post: () => Promise<Answer>; read: () => Promise<void> };

async function scene(db: string): Promise<Scene> {
  const server = await spawnServer(db, 1000);
  const token = await signIn(server.url, "admin@acme.test");
  const [container = ""] = await containerIds(server.url, token, 1);
  const eventsUrl = `${server.url}/api/v1/orgs/1/containers/${encodeURIComponent(container)}/events`;
  let n = 0;
  const post = () =>
    call(eventsUrl, {
      method: "POST",
      token,
      body: {
        event_type: "BLOCK",
        status: "FAILURE",
        timestamp: new Date().toISOString(),
        description: `disk trouble ${String(n++)} ${"x".repeat(1900)}`,
      },
    });
  const read = async () => {
    const page = await call(`${server.url}/api/v1/orgs/1/events?per_page=200`, { token });
    assert.equal(page.status, 200, `a read still works: ${page.text.slice(0, 200)}`);
    const csv = await call(`${server.url}/api/v1/orgs/1/container_events/by_block`, {
      token,
      accept: "text/csv",
    });
    assert.equal(csv.status, 200, `an export still works: ${csv.text.slice(0, 200)}`);
  };
  return { server, token, post, read };
}

function expectUnavailable(answer: Answer): void {
  assert.equal(answer.status, 503, answer.text);
  const body = JSON.parse(answer.text) as { error: string; message: string };
  assert.equal(body.error, "unavailable");
  assert.match(body.message, /read-only or full/);
  assert.ok(answer.headers.get("retry-after"), "503 carries Retry-After");
}

/**
 * The store's folder is a read-only mount (a folder cannot be remounted read-only under a running server: its
 * open database makes the remount busy), so the server starts on it, from a cleanly closed store (no -wal or
 * -shm) and from one left by a crash: writes 503, sign-in, reads and exports work, and SIGTERM exits 0.
 */
export async function readOnlyStore(dir: string): Promise<string> {
  const writable = join(dir, "rw");
  const readOnly = join(dir, "ro");
  const db = join(writable, "ro.db");
  const readOnlyDb = join(readOnly, "ro.db");
  mkdirSync(writable);
  mkdirSync(readOnly);
  mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", writable);
  const findings: string[] = [];
  const mountReadOnly = () => {
    mount("--bind", writable, readOnly);
    mount("-o", "remount,ro,bind", readOnly);
  };
  const check = async (scene: Scene, state: string) => {
    expectUnavailable(await scene.post());
    await scene.read();
    const code = await stopServer(scene.server);
    if (code !== 0) throw new Error(`SIGTERM on a read-only store exited ${String(code)}, not 0`);
    findings.push(`${state}: 503 for writes, 200 for sign-in, reads and exports`);
  };
  try {
    const seeding = await spawnServer(db, 1000);
    assert.equal(await stopServer(seeding), 0);
    assert.deepEqual(readdirSync(writable), ["ro.db"], "a clean shutdown leaves no -wal or -shm");
    mountReadOnly();
    await check(await scene(readOnlyDb), "cleanly closed store");
    execFileSync("umount", [readOnly], { stdio: "pipe" });

    const crashed = await scene(db);
    assert.equal((await crashed.post()).status, 201);
    crashed.server.child.kill("SIGKILL");
    await crashed.server.exited;
    assert.ok(
      statSync(`${db}-wal`).size > 0 && existsSync(`${db}-shm`),
      "the crash left a -wal with commits",
    );
    mountReadOnly();
    await check(await scene(readOnlyDb), "store left by a crash (-wal with commits and -shm in place)");
    return findings.join("; ");
  } finally {
    execFileSync("umount", ["-l", readOnly], { stdio: "pipe" });
    execFileSync("umount", ["-l", writable], { stdio: "pipe" });
  }
}

type Session = { auth_token: string; refresh_token: string };

async function startSession(origin: string): Promise<Session> {
  const answer = await call(`${origin}/api/v1/authenticate`, {
    method: "POST",
    body: { username: "admin@globex.test", password: stressPassword },
  });
  assert.equal(answer.status, 200, answer.text);
  const session = JSON.parse(answer.text) as Session;
  issuedSecrets.add(session.auth_token);
  issuedSecrets.add(session.refresh_token);
  return session;
}

const endSession = (origin: string, session: Session) =>
  call(`${origin}/api/v1/authenticate`, { method: "DELETE", body: { refresh_token: session.refresh_token } });

const meStatus = async (origin: string, session: Session) =>
  (await call(`${origin}/api/v1/me`, { token: session.auth_token })).status;

/**
 * A sign-out on the full disk ends the session at once on this server, says truthfully whether it is saved
 * (204) or not yet (503), and once the disk has room again it is saved: the session stays ended after a restart.
 */
async function signOutOnFullDisk(server: ChildServer, session: Session): Promise<string> {
  const answer = await endSession(server.url, session);
  assert.ok(answer.status === 204 || answer.status === 503, `sign-out on a full disk: ${answer.text}`);
  if (answer.status === 503) assert.match(answer.text, /Signing out could not be saved/);
  assert.equal(await meStatus(server.url, session), 401, "the session ends at once, saved or not");
  return answer.status === 204 ? "saved at once" : "503 until saved";
}

/** The store's disk fills up: writes 503 (never 500), reads work, and writes recover once space is freed. */
export async function fullDisk(dir: string): Promise<string> {
  mount("-t", "tmpfs", "-o", "size=24m", "tmpfs", dir);
  try {
    const db = join(dir, "full.db");
    const { server, post, read } = await scene(db);
    assert.equal((await post()).status, 201);
    const session = await startSession(server.url);
    const filler = join(dir, "filler");
    const fd = openSync(filler, "w");
    const block = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) writeSync(fd, block);
    } catch (error) {
      assert.match(String(error), /ENOSPC/);
    } finally {
      closeSync(fd);
    }
    let accepted = 0;
    let answer = await post();
    while (answer.status === 201 && accepted < 2000) {
      accepted++;
      answer = await post();
    }
    expectUnavailable(answer);
    await read();
    const signOut = await signOutOnFullDisk(server, session);
    rmSync(filler);
    assert.equal((await post()).status, 201, "writes work again once space is freed");
    assert.equal(
      (await endSession(server.url, session)).status,
      204,
      "the sign-out is saved once there is room",
    );
    assert.equal(await stopServer(server), 0);

    const restarted = await spawnServer(db, 1000);
    try {
      assert.equal(await meStatus(restarted.url, session), 401, "the session stays ended after a restart");
      assert.equal((await endSession(restarted.url, session)).status, 204);
      const refresh = await call(`${restarted.url}/api/v1/authenticate`, {
        method: "POST",
        body: { refresh_token: session.refresh_token },
      });
      assert.equal(refresh.status, 401, refresh.text);
    } finally {
      await stopServer(restarted);
    }
    return `503 after ${String(accepted)} posts into the last free pages, reads and exports 200, sign-out ${signOut}, 201 after freeing space, the session still ended after a restart`;
  } finally {
    execFileSync("umount", ["-l", dir], { stdio: "pipe" });
  }
}
