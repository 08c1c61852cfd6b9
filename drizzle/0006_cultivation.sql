CREATE TABLE "cultivation_assessments" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"purpose" text DEFAULT 'new' NOT NULL,
	"evaluation_on" date NOT NULL,
	"status" text NOT NULL,
	"profile" jsonb NOT NULL,
	"evaluation" jsonb,
	"qualified" boolean,
	"outcome" text,
	"total" numeric(6, 2),
	"rules_version" text,
	"declared_by" uuid,
	"declared_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"return_reason" text,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cultivation_assessments_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "cultivation_list_entries" (
	"zone_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"qualification_id" uuid NOT NULL,
	CONSTRAINT "cultivation_list_entries_zone_id_list_id_enterprise_id_pk" PRIMARY KEY("zone_id","list_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "cultivation_lists" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"name" text NOT NULL,
	"issuer" text,
	"document_no" text,
	"published_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cultivation_lists_zone_id_id_pk" PRIMARY KEY("zone_id","id"),
	CONSTRAINT "cultivation_lists_zone_name_key" UNIQUE("zone_id","name")
);
--> statement-breakpoint
CREATE TABLE "cultivation_reminders" (
	"zone_id" uuid NOT NULL,
	"qualification_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cultivation_reminders_zone_id_qualification_id_kind_pk" PRIMARY KEY("zone_id","qualification_id","kind")
);
--> statement-breakpoint
CREATE TABLE "cultivation_results" (
	"zone_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"pipeline" text NOT NULL,
	"outcome" text NOT NULL,
	"qualified" boolean NOT NULL,
	"route" text,
	"total" numeric(6, 2),
	"short_by" numeric(6, 2),
	"evaluation" jsonb NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "cultivation_results_zone_id_run_id_enterprise_id_pk" PRIMARY KEY("zone_id","run_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "cultivation_runs" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"purpose" text DEFAULT 'new' NOT NULL,
	"evaluation_on" date NOT NULL,
	"rules_version" text,
	"status" text NOT NULL,
	"close_within" integer NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"qualified_count" integer DEFAULT 0 NOT NULL,
	"close_count" integer DEFAULT 0 NOT NULL,
	"far_count" integer DEFAULT 0 NOT NULL,
	"incomplete_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_by" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cultivation_runs_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "cultivation_settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cultivation_assessments" ADD CONSTRAINT "cultivation_assessments_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_assessments" ADD CONSTRAINT "cultivation_assessments_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_assessments" ADD CONSTRAINT "cultivation_assessments_declared_by_fk" FOREIGN KEY ("zone_id","declared_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_assessments" ADD CONSTRAINT "cultivation_assessments_reviewed_by_fk" FOREIGN KEY ("zone_id","reviewed_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_assessments" ADD CONSTRAINT "cultivation_assessments_created_by_fk" FOREIGN KEY ("zone_id","created_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_list_entries" ADD CONSTRAINT "cultivation_list_entries_list_fk" FOREIGN KEY ("zone_id","list_id") REFERENCES "public"."cultivation_lists"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_list_entries" ADD CONSTRAINT "cultivation_list_entries_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_list_entries" ADD CONSTRAINT "cultivation_list_entries_qualification_fk" FOREIGN KEY ("zone_id","qualification_id") REFERENCES "public"."enterprise_qualifications"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_lists" ADD CONSTRAINT "cultivation_lists_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_lists" ADD CONSTRAINT "cultivation_lists_created_by_fk" FOREIGN KEY ("zone_id","created_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_reminders" ADD CONSTRAINT "cultivation_reminders_qualification_fk" FOREIGN KEY ("zone_id","qualification_id") REFERENCES "public"."enterprise_qualifications"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_results" ADD CONSTRAINT "cultivation_results_run_fk" FOREIGN KEY ("zone_id","run_id") REFERENCES "public"."cultivation_runs"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_results" ADD CONSTRAINT "cultivation_results_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_runs" ADD CONSTRAINT "cultivation_runs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_runs" ADD CONSTRAINT "cultivation_runs_started_by_fk" FOREIGN KEY ("zone_id","started_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cultivation_assessments_enterprise_idx" ON "cultivation_assessments" USING btree ("zone_id","enterprise_id","scheme");--> statement-breakpoint
CREATE INDEX "cultivation_assessments_status_idx" ON "cultivation_assessments" USING btree ("zone_id","status","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cultivation_assessments_open_submission_key" ON "cultivation_assessments" USING btree ("zone_id","enterprise_id","scheme") WHERE status = 'submitted';--> statement-breakpoint
CREATE INDEX "cultivation_list_entries_enterprise_idx" ON "cultivation_list_entries" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "cultivation_lists_published_idx" ON "cultivation_lists" USING btree ("zone_id","scheme","published_on");--> statement-breakpoint
CREATE INDEX "cultivation_results_pipeline_idx" ON "cultivation_results" USING btree ("zone_id","run_id","pipeline","short_by");--> statement-breakpoint
CREATE INDEX "cultivation_runs_created_idx" ON "cultivation_runs" USING btree ("zone_id","created_at");