CREATE TABLE "agreement_acknowledgements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" serial NOT NULL,
	"customer_id" uuid NOT NULL,
	"version" text NOT NULL,
	"member_id" uuid,
	"actor_name" text NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "beneficial_owners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" serial NOT NULL,
	"customer_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" serial NOT NULL,
	"applicant_person_id" uuid NOT NULL,
	"draft" jsonb NOT NULL,
	"status" text NOT NULL,
	"id_verification_needed" boolean DEFAULT false NOT NULL,
	"identification_number_needed" boolean DEFAULT false NOT NULL,
	"address_verification_needed" boolean DEFAULT false NOT NULL,
	"apply_count" integer DEFAULT 0 NOT NULL,
	"pending_outcome" text,
	"customer_id" uuid,
	"team_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "company_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" serial NOT NULL,
	"customer_id" uuid,
	"application_id" uuid,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"name" text,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "agreement_acks_customer_idx" ON "agreement_acknowledgements" USING btree ("customer_id","acknowledged_at","seq");--> statement-breakpoint
CREATE INDEX "beneficial_owners_customer_idx" ON "beneficial_owners" USING btree ("customer_id","seq");--> statement-breakpoint
CREATE INDEX "business_applications_applicant_idx" ON "business_applications" USING btree ("applicant_person_id","created_at","seq");--> statement-breakpoint
CREATE INDEX "company_documents_customer_idx" ON "company_documents" USING btree ("customer_id","created_at","seq");--> statement-breakpoint
CREATE INDEX "company_documents_application_idx" ON "company_documents" USING btree ("application_id");