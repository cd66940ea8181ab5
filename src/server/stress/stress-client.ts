import { stressPassword } from "./child-server";

/** Counters shared by every phase, printed in the summary line. */
export const figures = { requests: 0, serverErrors: 0, hangs: 0, fuzzCases: 0 };

/** Every token a child server handed out, which must never show up in its logs. */
export const issuedSecrets = new Set<string>([stressPassword]);

export type Answer = { status: number; headers: Headers; text: string };

/** One request with a 15 s limit; a 5xx is counted, a timeout is counted as a hang and rethrown. */
export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; accept?: string } = {},
): Promise<Answer> {
  figures.requests++;
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.accept !== undefined) headers.accept = init.accept;
  try {
    const response = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (response.status >= 500 && response.status !== 503) figures.serverErrors++;
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") figures.hangs++;
    throw error;
  }
}

/** Signs in a demo user on the child server and remembers its tokens as secrets. */
export async function signIn(origin: string, username: string): Promise<string> {
  const answer = await call(`${origin}/api/v1/authenticate`, {
    method: "POST",
    body: { username, password: stressPassword },
  });
  if (answer.status !== 200) throw new Error(`sign-in of ${username}: ${answer.status} ${answer.text}`);
  const tokens = JSON.parse(answer.text) as { auth_token: string; refresh_token: string };
  issuedSecrets.add(tokens.auth_token);
  issuedSecrets.add(tokens.refresh_token);
  return tokens.auth_token;
}

export async function containerIds(origin: string, token: string, orgId: number): Promise<string[]> {
  const answer = await call(`${origin}/api/v1/orgs/${orgId}/containers?per_page=1000`, { token });
  if (answer.status !== 200) throw new Error(`containers: ${answer.status} ${answer.text}`);
  return (JSON.parse(answer.text) as { id: string }[]).map((c) => c.id);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
