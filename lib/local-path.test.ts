import { describe, expect, it } from "vitest";
import { LocalPath, localPathOf } from "./local-path";

describe("LocalPath", () => {
  it("keeps a page on this site with its query", () => {
    expect(LocalPath.parse("/transactions?type=WIRE&range=ytd")).toBe(
      "/transactions?type=WIRE&range=ytd",
    );
    expect(LocalPath.parse("/")).toBe("/");
  });

  it.each([
    "//evil.example",
    "https://evil.example",
    "/\\evil.example",
    "evil.example",
    "/ok\nSet-Cookie: x",
    "/nul\u0000",
    "",
  ])("sends %j to the overview", (input) => {
    expect(LocalPath.parse(input)).toBe("/");
  });

  it("falls back for anything that is not a string", () => {
    expect(LocalPath.parse(null)).toBe("/");
    expect(LocalPath.parse(42)).toBe("/");
  });
});

describe("localPathOf", () => {
  const origin = "http://localhost:3000";
  it("takes path and query from a same-origin URL", () => {
    expect(localPathOf("http://localhost:3000/trades?side=BUY", origin)).toBe("/trades?side=BUY");
  });
  it("ignores other origins and garbage", () => {
    expect(localPathOf("https://evil.example/trades", origin)).toBeUndefined();
    expect(localPathOf("not a url", origin)).toBeUndefined();
    expect(localPathOf(null, origin)).toBeUndefined();
  });
});
