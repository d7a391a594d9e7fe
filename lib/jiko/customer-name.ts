/** How a customer is named on screen: a business by its name, a person by first and last. */
import type { Customer } from "./customer";

export function customerDisplayName(c: Customer): string {
  return c.type === "BUSINESS" ? c.name : `${c.name.first_name} ${c.name.last_name}`;
}
