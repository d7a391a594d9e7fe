import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CreateSavedView, SAVED_VIEWS_MAX } from "@/lib/saved-views";
import { ApiError } from "../api/guard";
import { type DbHandle, openDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { users } from "../db/schema";
import { createSavedView, deleteSavedView, listSavedViews } from "./store";

vi.mock("../viewer", () => ({ requestViewer: async () => null }));

let handle: DbHandle;
beforeAll(async () => {
  handle = openDb({ dataDir: "memory://" });
  await migrateDb(handle);
  await handle.db.insert(users).values([
    { id: "u1", name: "Avery", email: "u1@example.test" },
    { id: "u2", name: "Lena", email: "u2@example.test" },
  ]);
});
afterAll(() => handle?.close());

const view = (name: string) =>
  CreateSavedView.parse({ page: "transactions", name, search: "direction=in" });

describe("saved views", () => {
  it("keeps at most 50 per person, team and page, and says so plainly", async () => {
    const avery = { userId: "u1", teamId: "t1" };
    for (let i = 0; i < SAVED_VIEWS_MAX; i++) {
      await createSavedView(avery, view(`View ${i}`), handle.db);
    }
    const refused = await createSavedView(avery, view("One more"), handle.db).catch((e) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe("conflict");
    expect((refused as ApiError).message).toBe(
      "You already have 50 saved views here. Delete one to save another.",
    );
    expect(await listSavedViews(avery, "transactions", handle.db)).toHaveLength(SAVED_VIEWS_MAX);

    // Another team of the same person, and another person, have their own allowance.
    await createSavedView({ userId: "u1", teamId: "t2" }, view("Elsewhere"), handle.db);
    await createSavedView({ userId: "u2", teamId: "t1" }, view("Lena's"), handle.db);

    // Deleting one makes room again.
    const [first] = await listSavedViews(avery, "transactions", handle.db);
    await deleteSavedView(avery, first!.id, handle.db);
    await createSavedView(avery, view("One more"), handle.db);
  });

  it("refuses a name with control characters before it reaches the database", () => {
    const r = CreateSavedView.safeParse({ page: "transactions", name: "a\u0000b", search: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      "The name cannot contain tabs, line breaks or control characters",
    );
  });
});
