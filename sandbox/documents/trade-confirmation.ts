/** A trade confirmation as a PDF: what was bought or sold, at what price, for which pocket. */

import type { Trade } from "../../lib/jiko/trades";
import { centsToDecimalString } from "../../lib/money";
import { renderPdf } from "./pdf";

const usd = (cents: number) =>
  `$${Number(centsToDecimalString(cents)).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;

export function tradeConfirmationPdf(o: {
  trade: Trade;
  pocketName: string;
  customerName: string;
}): Promise<Uint8Array> {
  const t = o.trade;
  const face = t.quantity * 100;
  return renderPdf({
    title: "Trade Confirmation",
    subtitle: `${o.customerName} · ${o.pocketName}`,
    sections: [
      {
        title: "Trade",
        pairs: [
          ["Confirmation for trade", t.id],
          ["Activity", t.activity],
          ["Trade date and time", t.trade_datetime],
          ["Settlement date", t.settled_date ?? "Pending"],
          ["Brokerage account", t.jiko_account_id],
        ],
      },
      {
        title: "Security",
        pairs: [
          ["Description", t.description],
          ["CUSIP", t.cusip],
          ["Maturity date", t.maturity_date],
          ["Face amount", `$${face.toLocaleString("en-US")}.00`],
          ["Price (per $100 face)", t.price],
          ["Yield to maturity", `${(Number(t.yield_to_maturity) * 100).toFixed(4)}%`],
        ],
      },
      {
        title: "Amounts",
        pairs: [
          ["Principal", usd(t.notional.value)],
          ["Commission", "$0.00"],
          ["Net amount", usd(t.notional.value)],
        ],
      },
    ],
    footer: "Jiko Securities, Inc. (sandbox) · Member FINRA/SIPC",
  });
}
