import { describe, expect, it } from "vitest";
import { PAGE_CURSOR_MAX, PageCursorQuery, pageCursorInput } from "./page-cursor";

const parse = (query: string) =>
  PageCursorQuery.safeParse(pageCursorInput(new URLSearchParams(query)));

describe("page cursors from the browser", () => {
  it("takes Jiko's base64 tokens, standard and URL-safe, and no cursor as the first page", () => {
    const token = Buffer.from("p=2022-12-19 19:54:27.183278+00:00&r=1").toString("base64");
    expect(parse(`cursor=${encodeURIComponent(token)}`).data).toEqual({ cursor: token });
    expect(parse("cursor=cD0yMDI2LTExLTE2VDE1JTNBNDgmcz0xOA").data?.cursor).toBe(
      "cD0yMDI2LTExLTE2VDE1JTNBNDgmcz0xOA",
    );
    expect(parse("").data).toEqual({});
    expect(parse("cursor=").data).toEqual({});
  });

  it("refuses other characters with a readable message", () => {
    for (const bad of ["a b", "abc\u0000", "<script>", "p=1&s=2", "ab\n", "é"]) {
      const r = parse(`cursor=${encodeURIComponent(bad)}`);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(
        "This page link is not valid. Go back to the first page.",
      );
    }
  });

  it("refuses a cursor longer than any Jiko sends", () => {
    expect(parse(`cursor=${"A".repeat(PAGE_CURSOR_MAX)}`).success).toBe(true);
    const r = parse(`cursor=${"A".repeat(PAGE_CURSOR_MAX + 1)}`);
    expect(r.error?.issues[0]?.path).toEqual(["cursor"]);
    expect(r.error?.issues[0]?.message).toMatch(/too long/);
  });
});
