/**
 * The seeded payees of each company: payroll provider, landlord, suppliers (ach, wire, one
 * abroad), the sister company on JikoNet, one ach payee still in micro-deposits and one old
 * supplier unlinked. Names equal the names the seeded history pays where it pays them
 * (ledger/seed-history.ts: "IRS", "Atlas Fleet Equipment Inc.", "Rotterdam Freight Partners
 * B.V."), and the sister company's is its customer name, so the dashboard matches a payee's
 * payments by name. Ids are stable across reseeds; every request passes the contract's schema.
 */
import { CreateCounterpartyRequest } from "../../lib/jiko/counterparties";
import type { DbOrTx } from "../db/open";
import { counterparties } from "../db/schema";
import { stableId } from "../ids";
import { afterBusinessDays } from "./counterparties";
import { networkAddressOf } from "./network-address";

type Kind = "ready" | "pending" | "unlinked";
interface SeedPayee {
  kind: Kind;
  /** Days before the seed's now it was added. */
  ago: number;
  req: CreateCounterpartyRequest;
}

const usAddress = (line1: string, city: string, state: string, postal_code: string) => ({
  line1,
  city,
  state,
  postal_code,
  country: "US",
});
const achOf = (name: string, account: string, routing: string, bank: string) => ({
  type: "ach" as const,
  name,
  ach: {
    account_number: account,
    routing_number: routing,
    name_on_account: name,
    account_type: "CHECKING" as const,
    institution_name: bank,
  },
});
const wireOf = (
  name: string,
  account: string,
  routing: string,
  bank: string,
  address: ReturnType<typeof usAddress>,
) => ({
  type: "wire" as const,
  name,
  wire: {
    account_number: account,
    routing_number: routing,
    beneficiary_name: name,
    beneficiary_address: address,
    institution_name: bank,
  },
});
const abroadOf = (
  name: string,
  iban: string,
  swift: string,
  bank: string,
  address: { line1: string; city: string; postal_code: string; country: string },
) => ({
  type: "international_wire" as const,
  name,
  international_wire: {
    identifier_type: "IBAN" as const,
    account_number: iban,
    swift_code: swift,
    beneficiary_name: name,
    beneficiary_address: address,
    institution_name: bank,
  },
});

/** The seeded payees per customer; the sister company's pocket receives its on_us payments. */
export function seedPayees(o: {
  usName: string;
  euName: string;
  usPocketId: string;
  euPocketId: string;
}): { us: SeedPayee[]; eu: SeedPayee[] } {
  const onUs = (name: string, pocketId: string) => ({
    type: "on_us" as const,
    name,
    on_us: { account_number: networkAddressOf(pocketId) },
  });
  return {
    us: [
      {
        kind: "unlinked",
        ago: 600,
        req: achOf("Summit Packaging Corp.", "48120937", "071000013", "JPMorgan Chase Bank"),
      },
      {
        kind: "ready",
        ago: 560,
        req: achOf("ADP, Inc.", "000123456789", "021000021", "JPMorgan Chase Bank"),
      },
      {
        kind: "ready",
        ago: 550,
        req: wireOf(
          "Beacon Harbor Properties LLC",
          "7730011842",
          "026009593",
          "Bank of America",
          usAddress("200 Harbor Blvd, Suite 1200", "Newark", "NJ", "07114"),
        ),
      },
      { kind: "ready", ago: 540, req: achOf("IRS", "000000099887", "051000017", "U.S. Treasury") },
      {
        kind: "ready",
        ago: 500,
        req: wireOf(
          "Atlas Fleet Equipment Inc.",
          "3300458812",
          "121000248",
          "Wells Fargo Bank",
          usAddress("4100 Industrial Pkwy", "Fort Worth", "TX", "76106"),
        ),
      },
      {
        kind: "ready",
        ago: 420,
        req: achOf("Pacific Pallet Supply Co.", "55102948", "122000661", "Bank of America"),
      },
      {
        kind: "ready",
        ago: 300,
        req: abroadOf(
          "Hamburg Container Services GmbH",
          "DE89370400440532013000",
          "COBADEFFXXX",
          "Commerzbank",
          { line1: "Am Sandtorkai 41", city: "Hamburg", postal_code: "20457", country: "DE" },
        ),
      },
      { kind: "ready", ago: 280, req: onUs(o.euName, o.euPocketId) },
      {
        kind: "pending",
        ago: 0,
        req: achOf("Keystone Freight Brokers LLC", "90017723", "011000138", "Bank of America"),
      },
    ],
    eu: [
      {
        kind: "unlinked",
        ago: 450,
        req: achOf("Lowlands Pallet Co.", "66120044", "091000019", "U.S. Bank"),
      },
      {
        kind: "ready",
        ago: 440,
        req: abroadOf("ADP Nederland B.V.", "NL20INGB0001234567", "INGBNL2A", "ING Bank", {
          line1: "Lylantse Baan 1",
          city: "Capelle aan den IJssel",
          postal_code: "2908 LG",
          country: "NL",
        }),
      },
      {
        kind: "ready",
        ago: 430,
        req: wireOf(
          "Newark Port Offices LLC",
          "5120933817",
          "026009593",
          "Bank of America",
          usAddress("1 Port St", "Newark", "NJ", "07114"),
        ),
      },
      {
        kind: "ready",
        ago: 420,
        req: abroadOf(
          "Rotterdam Freight Partners B.V.",
          "NL91ABNA0417164300",
          "ABNANL2A",
          "ABN AMRO Bank",
          {
            line1: "Waalhaven Zuidzijde 19",
            city: "Rotterdam",
            postal_code: "3089 JH",
            country: "NL",
          },
        ),
      },
      {
        kind: "ready",
        ago: 400,
        req: achOf("Atlantic Reefer Lines Inc.", "20448813", "111000025", "Bank of America"),
      },
      {
        kind: "ready",
        ago: 380,
        req: wireOf(
          "Delmar Customs Brokerage LLC",
          "8801124490",
          "322271627",
          "JPMorgan Chase Bank",
          usAddress("88 Ocean Gate Dr", "Long Beach", "CA", "90802"),
        ),
      },
      { kind: "ready", ago: 280, req: onUs(o.usName, o.usPocketId) },
      {
        kind: "pending",
        ago: 0,
        req: achOf("Gulfstream Drayage Co.", "31207755", "021000021", "JPMorgan Chase Bank"),
      },
    ],
  };
}

const DAY_MS = 86_400_000;

export async function seedCounterparties(
  tx: DbOrTx,
  o: {
    customers: { us: string; eu: string };
    usName: string;
    euName: string;
    usPocketId: string;
    euPocketId: string;
    now: Date;
  },
) {
  const payees = seedPayees(o);
  const rows = (["us", "eu"] as const).flatMap((who) =>
    payees[who].map((p, i) => {
      const req = CreateCounterpartyRequest.parse(p.req);
      // An hour apart within a day, so lists keep the seed's order.
      const created = new Date(o.now.getTime() - p.ago * DAY_MS - (10 - i) * 3_600_000);
      const { type, name, ...rest } = req;
      return {
        id: stableId("counterparty", `${who}:${name}`),
        customerId: o.customers[who],
        type,
        name,
        status: p.kind === "ready" ? "VERIFIED" : p.kind === "pending" ? "PENDING" : "UNLINKED",
        verificationMethod: p.kind === "pending" ? "micro_deposits" : "pre_verified",
        details: Object.values(rest)[0] as Record<string, unknown>,
        createdAt: created,
        updatedAt: p.kind === "unlinked" ? new Date(created.getTime() + 200 * DAY_MS) : created,
        verifiesAt: p.kind === "pending" ? afterBusinessDays(created, 2) : null,
      };
    }),
  );
  await tx.insert(counterparties).values(rows);
}
