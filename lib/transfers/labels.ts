/** Words for transfer requests' codes (lib/jiko/transfers.ts), never the codes themselves. */
import type { TransferRequestStatus, TransferStatus } from "../jiko/transfers";

export const REQUEST_STATUS_LABELS: Record<TransferRequestStatus, string> = {
  PENDING: "Awaiting approval",
  APPROVED: "Approved",
  DENIED: "Denied",
  CANCELED: "Cancelled",
  EXPIRED: "Expired",
};

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  PROCESSING: "Sending",
  SUCCESS: "Settled",
  REJECTED: "Returned",
};

export const REQUEST_STATUS_TONES: Record<
  TransferRequestStatus,
  "neutral" | "brand" | "warning" | "danger"
> = {
  PENDING: "warning",
  APPROVED: "brand",
  DENIED: "danger",
  CANCELED: "neutral",
  EXPIRED: "neutral",
};
