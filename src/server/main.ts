import { ConfigError, loadConfig } from "./config";
import { startServer } from "./start-server";
import { storeLocation } from "./store/open-store";

const demoLogins = ["admin@acme.test", "support@acme.test", "admin@globex.test"];

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const password = config.demoPassword === "demo" ? "demo" : "the value of EVENTDESK_DEMO_PASSWORD";
  console.log(`EventDesk is running at ${server.url}`);
  console.log(`  database ${storeLocation(config)}`);
  console.log(`  demo logins: ${demoLogins.join(", ")} (password: ${password})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests and closing the database…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => {
    stop("SIGTERM");
  });
  process.once("SIGINT", () => {
    stop("SIGINT");
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
