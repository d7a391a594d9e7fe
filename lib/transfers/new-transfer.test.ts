import { describe, expect, it } from "vitest";
import type { Counterparty } from "../jiko/counterparties";
import { CreateTransferRequest } from "../jiko/transfers";
import { BLANK_TRANSFER, formFieldOf, NewTransferForm, toTransferRequest } from "./new-transfer";

const ID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const FROM = "11111111-1111-4111-8111-111111111111";
const TO = "22222222-2222-4222-8222-222222222222";
const payee = (type: Counterparty["type"], id: string) => ({ id, type }) as Counterparty;
const WIRE = "33333333-3333-4333-8333-333333333333";
const JIKONET = "44444444-4444-4444-8444-444444444444";
const ACH = "55555555-5555-4555-8555-555555555555";
const payees = [payee("wire", WIRE), payee("on_us", JIKONET), payee("ach", ACH)];

const form = (f: Partial<NewTransferForm>) => NewTransferForm.parse({ ...BLANK_TRANSFER, ...f });

describe("new transfer form → request", () => {
  it("reads typed dollars forgivingly and sends a wire payee by WIRE", () => {
    const r = toTransferRequest(
      form({
        origin_pocket_id: FROM,
        counterparty_id: WIRE,
        amount: "$12,500.5",
        description: " Rent ",
      }),
      ID,
      payees,
    );
    expect(CreateTransferRequest.parse(r)).toEqual({
      transfer: {
        id: ID,
        type: "WIRE",
        origin_pocket_id: FROM,
        counterparty_id: WIRE,
        amount: { type: "REQUESTED_AMOUNT", amount_usdc: 1_250_050 },
        description: "Rent",
      },
      reviewers: [],
    });
  });

  it("sends a JikoNet payee peer to peer, and everything as a full withdrawal", () => {
    const r = toTransferRequest(
      form({ origin_pocket_id: FROM, counterparty_id: JIKONET, everything: true }),
      ID,
      payees,
    );
    expect(r.transfer).toMatchObject({
      type: "ON_US",
      amount: { type: "FULL_WITHDRAWAL" },
      details: { type: "PEER_TO_PEER", destination_counterparty_id: JIKONET },
    });
  });

  it("moves money between own pockets as an internal reallocation", () => {
    const r = toTransferRequest(
      form({ origin_pocket_id: FROM, to: "pocket", destination_pocket_id: TO, amount: "1000" }),
      ID,
      payees,
    );
    expect(r.transfer).toMatchObject({
      type: "ON_US",
      details: {
        type: "INTERNAL_REALLOCATION",
        destination_pocket_id: TO,
        transfer_type: "BANK_TRANSFER",
      },
    });
  });

  it("refuses, field by field, what cannot be sent", () => {
    const issues = (f: Partial<NewTransferForm>) =>
      NewTransferForm.safeParse({
        ...BLANK_TRANSFER,
        origin_pocket_id: FROM,
        ...f,
      }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ counterparty_id: WIRE, amount: "1,00" })).toEqual([
      ["amount", "Enter an amount like 1,250 or 1250.50"],
    ]);
    expect(issues({ counterparty_id: WIRE, amount: "0" })).toEqual([
      ["amount", "The amount must be more than $0.00"],
    ]);
    expect(issues({ to: "pocket", destination_pocket_id: FROM, amount: "5" })).toEqual([
      ["destination_pocket_id", "Choose a pocket other than the one the money leaves"],
    ]);
    expect(issues({ amount: "5" })).toEqual([["counterparty_id", "Choose a payee"]]);
    expect(() =>
      toTransferRequest(
        form({ origin_pocket_id: FROM, counterparty_id: ACH, amount: "5" }),
        ID,
        payees,
      ),
    ).toThrow(/cannot receive/);
  });
});

describe("refusals under their fields", () => {
  it("maps the route's and Jiko's paths onto the form", () => {
    expect(formFieldOf("transfer.amount.amount_usdc")).toBe("amount");
    expect(formFieldOf("transfer.details.destination_counterparty_id")).toBe("counterparty_id");
    expect(formFieldOf("reviewers.0")).toBe("reviewers");
    expect(formFieldOf("transfer.type")).toBe("root");
  });
});
