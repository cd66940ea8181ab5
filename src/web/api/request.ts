import { z } from "zod";
import { listHeaders } from "../../contract/api-paths";
import { apiRoot } from "./api-config";
import { ApiError, apiErrorFromResponse, networkError } from "./api-error";

/**
 * The dashboard's only HTTP client. `request` sends JSON, parses every JSON answer with the contract's zod
 * schema and reads the paging headers; `send` is the same pipeline (auth, error mapping) returning the raw
 * Response, for streamed answers such as a CSV export. Neither redirects nor toasts: a 401 is reported to the
 * session through `configureAuth`, and every failure is thrown as an `ApiError`.
 */

export type SearchParams = Record<string, string | number | boolean | undefined>;

export type SendOptions = {
  search?: SearchParams | undefined;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Defaults to `application/json`. */
  accept?: string;
  /** More request headers (`Last-Event-ID`, …). */
  headers?: Record<string, string> | undefined;
  /** Send the bearer token (default). `false` for the sign-in calls themselves. */
  auth?: boolean;
};

export type RequestOptions<S extends z.ZodType> = SendOptions & { schema: S };

/** The paging headers of a list answer. */
export type Paging = { total: number; totalPages: number; page: number; perPage: number };

export type ApiResponse<T> = { data: T; paging: Paging | undefined; headers: Headers };

/** How requests get a token and report a rejected one; the session module plugs itself in here. */
export type AuthHooks = {
  token: () => Promise<string | undefined>;
  onUnauthorized: () => void;
};

let auth: AuthHooks = { token: () => Promise.resolve(undefined), onUnauthorized: () => undefined };

export function configureAuth(hooks: AuthHooks): void {
  auth = hooks;
}

export function apiUrl(path: string, search?: SearchParams): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search ?? {})) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const query = params.toString();
  return `${apiRoot()}${path}${query ? `?${query}` : ""}`;
}

export async function send(path: string, options: SendOptions = {}): Promise<Response> {
  const useAuth = options.auth ?? true;
  const headers = new Headers({ ...options.headers, Accept: options.accept ?? "application/json" });
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  if (useAuth) {
    const token = await auth.token();
    if (!token) {
      auth.onUnauthorized();
      throw new ApiError({ kind: "unauthorized", message: "Sign in to continue." });
    }
    headers.set("Authorization", `Bearer ${token}`);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.search), {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw networkError(cause);
  }
  if (!response.ok) {
    const error = await apiErrorFromResponse(response);
    if (error.kind === "unauthorized" && useAuth) auth.onUnauthorized();
    throw error;
  }
  return response;
}

export async function request<S extends z.ZodType>(
  path: string,
  options: RequestOptions<S>,
): Promise<ApiResponse<z.output<S>>> {
  const response = await send(path, options);
  const body = await readJson(response, path);
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      kind: "schema",
      status: response.status,
      message: `The server's answer to ${path} does not match the API contract: ${describeIssue(parsed.error)}`,
      cause: parsed.error,
    });
  }
  return { data: parsed.data, paging: readPaging(response, path), headers: response.headers };
}

async function readJson(response: Response, path: string): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ApiError({
      kind: "schema",
      status: response.status,
      message: `The server's answer to ${path} is not JSON. Is the dashboard pointed at an EventDesk API server?`,
      cause,
    });
  }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "unexpected shape.";
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "the body";
  return `${where}: ${issue.message}.`;
}

const headerInteger = z
  .string()
  .regex(/^[0-9]{1,16}$/)
  .transform(Number);

const pagingSchema = z.object({
  total: headerInteger,
  totalPages: headerInteger,
  page: headerInteger,
  perPage: headerInteger,
});

function readPaging(response: Response, path: string): Paging | undefined {
  const total = response.headers.get(listHeaders.total);
  if (total === null) return undefined;
  const parsed = pagingSchema.safeParse({
    total,
    totalPages: response.headers.get(listHeaders.totalPages),
    page: response.headers.get(listHeaders.page),
    perPage: response.headers.get(listHeaders.perPage),
  });
  if (!parsed.success) {
    throw new ApiError({
      kind: "schema",
      status: response.status,
      message: `The paging headers of ${path} do not match the API contract.`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}
