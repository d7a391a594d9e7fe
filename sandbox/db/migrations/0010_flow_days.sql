CREATE TABLE "pocket_flow_days" (
	"pocket_id" uuid NOT NULL,
	"date" date NOT NULL,
	"net" bigint NOT NULL,
	CONSTRAINT "pocket_flow_days_pocket_id_date_pk" PRIMARY KEY("pocket_id","date")
);
--> statement-breakpoint
ALTER TABLE "pocket_flow_days" ADD CONSTRAINT "pocket_flow_days_pocket_id_pockets_id_fk" FOREIGN KEY ("pocket_id") REFERENCES "public"."pockets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The days are kept by the statement that changes pocket_flows, whatever writes it: one upsert of
-- the statement's rows summed by pocket and day (transition tables), so a seed's bulk insert of
-- thousands of flows costs one aggregate, not a trigger call per row.
CREATE FUNCTION "pocket_flow_days_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO "pocket_flow_days" ("pocket_id", "date", "net")
		SELECT "pocket_id", "date", -sum(CASE WHEN "kind" = 'DEPOSIT' THEN "amount" ELSE -"amount" END)::bigint
		FROM "old_flows" GROUP BY "pocket_id", "date"
		ON CONFLICT ("pocket_id", "date") DO UPDATE SET "net" = "pocket_flow_days"."net" + excluded."net";
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		INSERT INTO "pocket_flow_days" ("pocket_id", "date", "net")
		SELECT "pocket_id", "date", sum(CASE WHEN "kind" = 'DEPOSIT' THEN "amount" ELSE -"amount" END)::bigint
		FROM "new_flows" GROUP BY "pocket_id", "date"
		ON CONFLICT ("pocket_id", "date") DO UPDATE SET "net" = "pocket_flow_days"."net" + excluded."net";
	END IF;
	IF TG_OP = 'TRUNCATE' THEN
		DELETE FROM "pocket_flow_days";
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "pocket_flow_days_insert" AFTER INSERT ON "pocket_flows"
	REFERENCING NEW TABLE AS "new_flows" FOR EACH STATEMENT EXECUTE FUNCTION "pocket_flow_days_apply"();
--> statement-breakpoint
CREATE TRIGGER "pocket_flow_days_update" AFTER UPDATE ON "pocket_flows"
	REFERENCING OLD TABLE AS "old_flows" NEW TABLE AS "new_flows" FOR EACH STATEMENT EXECUTE FUNCTION "pocket_flow_days_apply"();
--> statement-breakpoint
CREATE TRIGGER "pocket_flow_days_delete" AFTER DELETE ON "pocket_flows"
	REFERENCING OLD TABLE AS "old_flows" FOR EACH STATEMENT EXECUTE FUNCTION "pocket_flow_days_apply"();
--> statement-breakpoint
CREATE TRIGGER "pocket_flow_days_truncate" AFTER TRUNCATE ON "pocket_flows"
	FOR EACH STATEMENT EXECUTE FUNCTION "pocket_flow_days_apply"();
--> statement-breakpoint
-- The days of the flows already booked.
INSERT INTO "pocket_flow_days" ("pocket_id", "date", "net")
SELECT "pocket_id", "date", sum(CASE WHEN "kind" = 'DEPOSIT' THEN "amount" ELSE -"amount" END)::bigint
FROM "pocket_flows" GROUP BY "pocket_id", "date";
