CREATE TABLE "oauth_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" serial NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" text,
	"grant_id" text,
	"email" text,
	"team_id" uuid,
	"reason" text
);
--> statement-breakpoint
CREATE INDEX "oauth_events_email_idx" ON "oauth_events" USING btree ("email","seq");