CREATE TABLE "pocket_eod" (
	"pocket_id" uuid NOT NULL,
	"date" date NOT NULL,
	"cash" bigint NOT NULL,
	"securities" bigint NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "pocket_eod_pocket_id_date_pk" PRIMARY KEY("pocket_id","date")
);
--> statement-breakpoint
CREATE TABLE "pocket_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" serial NOT NULL,
	"pocket_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"description" text NOT NULL,
	"booked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pocket_lots" (
	"id" serial PRIMARY KEY NOT NULL,
	"pocket_id" uuid NOT NULL,
	"cusip" text NOT NULL,
	"maturity_date" date NOT NULL,
	"quantity" integer NOT NULL,
	"purchase_price_micros" integer NOT NULL,
	"purchase_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pocket_trades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" serial NOT NULL,
	"pocket_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"cusip" text NOT NULL,
	"maturity_date" date NOT NULL,
	"quantity" integer NOT NULL,
	"price_micros" integer NOT NULL,
	"amount" bigint NOT NULL,
	"trade_date" date NOT NULL,
	"settlement_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_clock" (
	"id" integer PRIMARY KEY NOT NULL,
	"seeded_on" date NOT NULL,
	"offset_days" integer DEFAULT 0 NOT NULL,
	"processed_through" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pockets" ADD COLUMN "opened_on" date;--> statement-breakpoint
UPDATE "pockets" SET "opened_on" = ("created_at" AT TIME ZONE 'America/New_York')::date;--> statement-breakpoint
ALTER TABLE "pockets" ALTER COLUMN "opened_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "pockets" ADD COLUMN "closure_reason" text;--> statement-breakpoint
ALTER TABLE "pockets" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pocket_eod" ADD CONSTRAINT "pocket_eod_pocket_id_pockets_id_fk" FOREIGN KEY ("pocket_id") REFERENCES "public"."pockets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pocket_flows" ADD CONSTRAINT "pocket_flows_pocket_id_pockets_id_fk" FOREIGN KEY ("pocket_id") REFERENCES "public"."pockets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pocket_lots" ADD CONSTRAINT "pocket_lots_pocket_id_pockets_id_fk" FOREIGN KEY ("pocket_id") REFERENCES "public"."pockets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pocket_trades" ADD CONSTRAINT "pocket_trades_pocket_id_pockets_id_fk" FOREIGN KEY ("pocket_id") REFERENCES "public"."pockets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pocket_flows_pocket_date_idx" ON "pocket_flows" USING btree ("pocket_id","date");--> statement-breakpoint
CREATE INDEX "pocket_lots_pocket_idx" ON "pocket_lots" USING btree ("pocket_id");--> statement-breakpoint
CREATE INDEX "pocket_trades_pocket_date_idx" ON "pocket_trades" USING btree ("pocket_id","settlement_date");