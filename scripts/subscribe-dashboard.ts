/**
 * Subscribes the dashboard to the embedded sandbox's events (see subscribeDashboard), with the
 * dashboard's own configuration from the environment. For set-ups that start the dashboard
 * themselves (the scale-out cluster); `npm start` does the same on its own. Run with
 * `tsx --conditions=react-server`.
 */
import path from "node:path";
import { openDb } from "../server/db/client";
import { authSecrets, parseEnv } from "../server/env";
import { subscribeDashboard } from "./lib/embedded-jiko";

const config = parseEnv(process.env);
const database = openDb({
  databaseUrl: config.DATABASE_URL,
  dataDir: path.resolve(config.APP_DATA_DIR),
});
try {
  const webhookUrl = config.WEBHOOK_URL ?? `${config.APP_URL}/api/webhooks/jiko`;
  const count = await subscribeDashboard(
    config.JIKO_API_URL,
    webhookUrl,
    database.db,
    authSecrets(config),
  );
  console.info(`Subscribed ${webhookUrl} to ${count} customers' events`);
} finally {
  await database.close();
}
