CREATE TABLE "earnings_cache" (
	"pocket_id" text NOT NULL,
	"date_from" text NOT NULL,
	"date_to" text NOT NULL,
	"cents" bigint NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "earnings_cache_pocket_id_date_from_date_to_pk" PRIMARY KEY("pocket_id","date_from","date_to")
);
