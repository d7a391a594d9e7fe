import { describe, expect, it } from "vitest";
import { CreatePocketRequest, UpdatePocketRequest } from "./pockets";

const create = (pocket_name: string) =>
  CreatePocketRequest.safeParse({ pocket_name, trading_strategy_id: "s-4w" });

describe("pocket names", () => {
  it("takes a plain name, trimmed", () => {
    expect(create("  Capex Reserve (2027) ").data?.pocket_name).toBe("Capex Reserve (2027)");
    expect(UpdatePocketRequest.parse({ pocket_name: "Réserve fiscale" })).toEqual({
      pocket_name: "Réserve fiscale",
    });
  });

  it("refuses control characters, on create and on rename, with a readable message", () => {
    const message = "The name cannot contain tabs, line breaks or control characters";
    for (const name of ["Capex\u0000", "Cap\tex", "Capex\nReserve", "\u007fCapex"]) {
      expect(create(name).error?.issues.map((i) => i.message)).toEqual([message]);
      expect(
        UpdatePocketRequest.safeParse({ pocket_name: name }).error?.issues.map((i) => i.message),
      ).toEqual([message]);
    }
  });

  it("says what is wrong with an empty or long name", () => {
    expect(create(" ").error?.issues[0]?.message).toBe("Give the pocket a name");
    expect(create("x".repeat(65)).error?.issues[0]?.message).toBe(
      "Keep the name under 64 characters",
    );
  });
});
