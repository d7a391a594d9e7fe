import "server-only";
import path from "node:path";
import { env } from "../env";
import { type Db, openDb } from "./client";

/** The app server's one database handle (kept on globalThis so dev reloads reuse it). */
const holder = globalThis as unknown as { __treasuryDeskDb?: Db };

export function db(): Db {
  if (!holder.__treasuryDeskDb) {
    const e = env();
    holder.__treasuryDeskDb = openDb({
      databaseUrl: e.DATABASE_URL,
      dataDir: path.resolve(e.APP_DATA_DIR),
    }).db;
  }
  return holder.__treasuryDeskDb;
}
