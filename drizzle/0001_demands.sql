CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE TABLE "demand_assisting_departments" (
	"zone_id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	CONSTRAINT "demand_assisting_departments_zone_id_demand_id_department_id_pk" PRIMARY KEY("zone_id","demand_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "demand_attachments" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "demand_attachments_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "demand_categories" (
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"default_department_id" uuid,
	"deadline_working_days" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "demand_categories_zone_id_code_pk" PRIMARY KEY("zone_id","code"),
	CONSTRAINT "demand_categories_zone_name_key" UNIQUE("zone_id","name")
);
--> statement-breakpoint
CREATE TABLE "demand_escalations" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "demand_escalations_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "demand_events" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "demand_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"kind" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "demand_events_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "demand_extensions" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"requested_due_on" date NOT NULL,
	"previous_due_on" date NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "demand_extensions_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "demands" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category_code" text NOT NULL,
	"channel" text NOT NULL,
	"confidentiality" text DEFAULT 'public' NOT NULL,
	"anonymised_title" text,
	"anonymised_description" text,
	"status" text NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"decline_reason" text,
	"lead_department_id" uuid,
	"assigned_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"deadline_base_on" date,
	"deadline_days" integer,
	"paused_days" integer DEFAULT 0 NOT NULL,
	"due_on" date,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"extended" boolean DEFAULT false NOT NULL,
	"waiting_since" date,
	"settled_at" timestamp with time zone,
	"settled_on_time" boolean,
	"answer" text,
	"closed_at" timestamp with time zone,
	"resolved" boolean,
	"confirmed_by_default" boolean DEFAULT false NOT NULL,
	"satisfaction" text,
	"confirm_comment" text,
	"bounce_count" integer DEFAULT 0 NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"merged_into_id" uuid,
	"visit_id" uuid,
	"owner_leader_id" uuid,
	"search_tokens" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demands_zone_id_id_pk" PRIMARY KEY("zone_id","id"),
	CONSTRAINT "demands_zone_number_key" UNIQUE("zone_id","number")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "notifications_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "scheduled_jobs_zone_id_id_pk" PRIMARY KEY("zone_id","id"),
	CONSTRAINT "scheduled_jobs_zone_kind_key_key" UNIQUE("zone_id","kind","key")
);
--> statement-breakpoint
CREATE TABLE "zone_counters" (
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "zone_counters_zone_id_name_pk" PRIMARY KEY("zone_id","name")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "demand_assisting_departments" ADD CONSTRAINT "demand_assisting_demand_fk" FOREIGN KEY ("zone_id","demand_id") REFERENCES "public"."demands"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_assisting_departments" ADD CONSTRAINT "demand_assisting_department_fk" FOREIGN KEY ("zone_id","department_id") REFERENCES "public"."departments"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_attachments" ADD CONSTRAINT "demand_attachments_demand_fk" FOREIGN KEY ("zone_id","demand_id") REFERENCES "public"."demands"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_categories" ADD CONSTRAINT "demand_categories_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_categories" ADD CONSTRAINT "demand_categories_parent_fk" FOREIGN KEY ("zone_id","parent_code") REFERENCES "public"."demand_categories"("zone_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_categories" ADD CONSTRAINT "demand_categories_department_fk" FOREIGN KEY ("zone_id","default_department_id") REFERENCES "public"."departments"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_escalations" ADD CONSTRAINT "demand_escalations_demand_fk" FOREIGN KEY ("zone_id","demand_id") REFERENCES "public"."demands"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_events" ADD CONSTRAINT "demand_events_demand_fk" FOREIGN KEY ("zone_id","demand_id") REFERENCES "public"."demands"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_extensions" ADD CONSTRAINT "demand_extensions_demand_fk" FOREIGN KEY ("zone_id","demand_id") REFERENCES "public"."demands"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_category_fk" FOREIGN KEY ("zone_id","category_code") REFERENCES "public"."demand_categories"("zone_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_lead_department_fk" FOREIGN KEY ("zone_id","lead_department_id") REFERENCES "public"."departments"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_submitted_by_fk" FOREIGN KEY ("zone_id","submitted_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_owner_leader_fk" FOREIGN KEY ("zone_id","owner_leader_id") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_merged_into_fk" FOREIGN KEY ("zone_id","merged_into_id") REFERENCES "public"."demands"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_fk" FOREIGN KEY ("zone_id","user_id") REFERENCES "public"."users"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_jobs" ADD CONSTRAINT "scheduled_jobs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_counters" ADD CONSTRAINT "zone_counters_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demand_assisting_department_idx" ON "demand_assisting_departments" USING btree ("zone_id","department_id");--> statement-breakpoint
CREATE INDEX "demand_attachments_demand_idx" ON "demand_attachments" USING btree ("zone_id","demand_id");--> statement-breakpoint
CREATE INDEX "demand_escalations_open_idx" ON "demand_escalations" USING btree ("zone_id","resolved_at","at");--> statement-breakpoint
CREATE INDEX "demand_events_demand_idx" ON "demand_events" USING btree ("zone_id","demand_id","seq");--> statement-breakpoint
CREATE INDEX "demand_extensions_demand_idx" ON "demand_extensions" USING btree ("zone_id","demand_id");--> statement-breakpoint
CREATE INDEX "demands_status_due_idx" ON "demands" USING btree ("zone_id","status","due_on");--> statement-breakpoint
CREATE INDEX "demands_submitted_idx" ON "demands" USING btree ("zone_id","submitted_at");--> statement-breakpoint
CREATE INDEX "demands_enterprise_idx" ON "demands" USING btree ("zone_id","enterprise_id","submitted_at");--> statement-breakpoint
CREATE INDEX "demands_lead_department_idx" ON "demands" USING btree ("zone_id","lead_department_id","status","due_on");--> statement-breakpoint
CREATE INDEX "demands_category_idx" ON "demands" USING btree ("zone_id","category_code","submitted_at");--> statement-breakpoint
CREATE INDEX "demands_search_idx" ON "demands" USING gin ("zone_id",to_tsvector('simple', "search_tokens"));--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("zone_id","user_id","at");--> statement-breakpoint
CREATE INDEX "scheduled_jobs_due_idx" ON "scheduled_jobs" USING btree ("state","run_at");