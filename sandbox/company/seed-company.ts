/**
 * The seeded company's owners and its consent to the first agreements version (the current one,
 * released later, is left to acknowledge). Owner ids come from names, like the rest of the seed.
 */
import type { ApplicationOwnerInput } from "../../lib/jiko/applications";
import type { DbOrTx } from "../db/open";
import { agreementAcknowledgements, beneficialOwners } from "../db/schema";
import { stableId } from "../ids";
import { AGREEMENT_VERSIONS } from "./agreements";

const OAKLAND = {
  street_address: "1200 Embarcadero West",
  street_address2: "Suite 400",
  city: "Oakland",
  postal_code: "94607",
  state: "CA",
  country: "US",
};

export const SEED_OWNERS: ApplicationOwnerInput[] = [
  {
    name: { first_name: "Avery", last_name: "Chen" },
    title: "Chief Executive Officer",
    date_of_birth: "1981-04-12",
    identification_number: "412-55-7301",
    email: "avery.chen@harborline.example",
    phone_number: "+14155550101",
    address: OAKLAND,
    roles: ["CONTROL_PERSON", "AUTHORIZED_REPRESENTATIVE"],
    ownership_percentage: "40.00",
    citizenship: "US",
  },
  {
    name: { first_name: "Daniel", last_name: "Okafor" },
    title: "Founder",
    date_of_birth: "1976-09-30",
    identification_number: "431-20-9918",
    email: null,
    phone_number: null,
    address: { ...OAKLAND, street_address: "88 Grand Avenue", street_address2: null },
    roles: [],
    ownership_percentage: "35.00",
    citizenship: "US",
  },
];

export async function seedCompany(
  tx: DbOrTx,
  o: { customerId: string; founded: Date; actor: { memberId: string; name: string } },
) {
  await tx.insert(beneficialOwners).values(
    SEED_OWNERS.map((owner) => ({
      id: stableId("beneficial-owner", `${o.customerId}:${owner.identification_number}`),
      customerId: o.customerId,
      data: owner as unknown as Record<string, unknown>,
      createdAt: o.founded,
    })),
  );
  await tx.insert(agreementAcknowledgements).values({
    id: stableId("agreement-acknowledgement", `${o.customerId}:${AGREEMENT_VERSIONS[0]!.version}`),
    customerId: o.customerId,
    version: AGREEMENT_VERSIONS[0]!.version,
    memberId: o.actor.memberId,
    actorName: o.actor.name,
    acknowledgedAt: o.founded,
  });
}
