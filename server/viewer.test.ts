import { describe, expect, it } from "vitest";
import { JikoError } from "./jiko";
import { watched } from "./viewer";

/** A client whose every call answers at once, as Jiko would after a change it accepted. */
const answering = (names: string[], answer: () => Promise<unknown> = () => Promise.resolve({})) =>
  Object.fromEntries(names.map((n) => [n, answer])) as never;

describe("the session's watched Jiko client", () => {
  it("a transfer request made, decided or cancelled drops the pending lists; a team change the viewers", async () => {
    const seen: string[] = [];
    const jiko = watched(
      answering([
        "createTransferRequest",
        "decideTransferRequest",
        "cancelTransferRequest",
        "inviteMember",
        "transferRequests",
        "toString",
      ]),
      { refused: async () => {}, changed: (what) => void seen.push(what) },
    );
    await jiko.transferRequests({});
    // A read named like an Object method is no write either.
    await (jiko as unknown as { toString: () => Promise<unknown> }).toString();
    expect(seen).toEqual([]);
    await jiko.createTransferRequest({} as never);
    await jiko.decideTransferRequest("t", {} as never);
    await jiko.cancelTransferRequest("t");
    await jiko.inviteMember({} as never);
    expect(seen).toEqual(["transfers", "transfers", "transfers", "team"]);
  });

  it("a change Jiko refused drops nothing, and a refusal of the session is reported", async () => {
    const seen: string[] = [];
    const refused: string[] = [];
    const jiko = watched(
      answering(["cancelTransferRequest"], () =>
        Promise.reject(new JikoError("forbidden", 403, "no")),
      ),
      {
        refused: async (e) => void refused.push(e.code),
        changed: (what) => void seen.push(what),
      },
    );
    await expect(jiko.cancelTransferRequest("t")).rejects.toThrow("no");
    expect(seen).toEqual([]);
    expect(refused).toEqual(["forbidden"]);
  });
});
