ALTER TABLE "pocket_flows" ADD COLUMN "transaction_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "pocket_flows" ADD COLUMN "rail" text DEFAULT 'ACH' NOT NULL;--> statement-breakpoint
ALTER TABLE "pocket_flows" ADD COLUMN "transfer_id" uuid;--> statement-breakpoint
ALTER TABLE "pocket_flows" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "pocket_flows_booked_idx" ON "pocket_flows" USING btree ("booked_at","seq");