DROP INDEX "pocket_flows_booked_idx";--> statement-breakpoint
CREATE INDEX "pocket_flows_booked_idx" ON "pocket_flows" USING btree ("pocket_id","booked_at","seq");