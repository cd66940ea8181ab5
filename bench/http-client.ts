import http from "node:http";
import { tokensSchema } from "../src/contract/auth";

export type HttpAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/**
 * A minimal HTTP/1.1 client over one keep-alive socket: less overhead per request than fetch, so the
 * timings are the server's, not the client's. Bodies are read whole and not decompressed.
 */
export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly base: URL;
  token: string | undefined;

  constructor(baseUrl: string) {
    this.base = new URL(baseUrl);
  }

  request(
    path: string,
    options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string } = {},
  ): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { ...options.headers };
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method: options.method ?? "GET",
          headers,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(options.body);
    });
  }

  /** GET that must answer 200; the body parsed as JSON (the bench asks these without gzip). */
  async getJson(path: string): Promise<{ body: unknown; headers: http.IncomingHttpHeaders }> {
    const answer = await this.request(path, { headers: { accept: "application/json" } });
    if (answer.status !== 200) {
      throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.toString().slice(0, 300)}`);
    }
    return { body: JSON.parse(answer.body.toString()) as unknown, headers: answer.headers };
  }

  async signIn(username: string, password: string): Promise<void> {
    const answer = await this.request("/api/v1/authenticate", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (answer.status !== 200) throw new Error(`Sign-in as ${username} answered ${answer.status}.`);
    this.token = tokensSchema.parse(JSON.parse(answer.body.toString())).auth_token;
  }

  close(): void {
    this.agent.destroy();
  }
}
