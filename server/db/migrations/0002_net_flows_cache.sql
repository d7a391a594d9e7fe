CREATE TABLE "net_flows_cache" (
	"pocket_id" text NOT NULL,
	"month" text NOT NULL,
	"cents" bigint NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "net_flows_cache_pocket_id_month_pk" PRIMARY KEY("pocket_id","month")
);
