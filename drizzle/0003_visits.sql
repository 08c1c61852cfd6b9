CREATE TABLE "visit_cadres" (
	"zone_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "visit_cadres_zone_id_visit_id_user_id_pk" PRIMARY KEY("zone_id","visit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "visit_departments" (
	"zone_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"attended" boolean,
	CONSTRAINT "visit_departments_zone_id_visit_id_department_id_pk" PRIMARY KEY("zone_id","visit_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "visit_enterprises" (
	"zone_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"raised" text,
	CONSTRAINT "visit_enterprises_zone_id_visit_id_enterprise_id_pk" PRIMARY KEY("zone_id","visit_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "visit_issues" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "visit_issues_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"text" text NOT NULL,
	"category_code" text NOT NULL,
	"resolution" text NOT NULL,
	"answer" text,
	"demand_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_issues_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "visit_photos" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_photos_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"visit_on" date NOT NULL,
	"half_day" text NOT NULL,
	"leader_id" uuid NOT NULL,
	"theme_id" uuid,
	"status" text NOT NULL,
	"purpose" text,
	"decisions" text,
	"follow_ups" text,
	"guide_answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cancel_reason" text,
	"created_by" uuid,
	"signed_off_by" uuid,
	"signed_off_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_zone_id_id_pk" PRIMARY KEY("zone_id","id"),
	CONSTRAINT "visits_zone_number_key" UNIQUE("zone_id","number")
);
--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "visit_min_weeks" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "visit_backdate_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "themes" ADD COLUMN "guiding_questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "visit_cadres" ADD CONSTRAINT "visit_cadres_visit_fk" FOREIGN KEY ("zone_id","visit_id") REFERENCES "public"."visits"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_cadres" ADD CONSTRAINT "visit_cadres_user_fk" FOREIGN KEY ("zone_id","user_id") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_departments" ADD CONSTRAINT "visit_departments_visit_fk" FOREIGN KEY ("zone_id","visit_id") REFERENCES "public"."visits"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_departments" ADD CONSTRAINT "visit_departments_department_fk" FOREIGN KEY ("zone_id","department_id") REFERENCES "public"."departments"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_enterprises" ADD CONSTRAINT "visit_enterprises_visit_fk" FOREIGN KEY ("zone_id","visit_id") REFERENCES "public"."visits"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_enterprises" ADD CONSTRAINT "visit_enterprises_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_issues" ADD CONSTRAINT "visit_issues_visit_fk" FOREIGN KEY ("zone_id","visit_id") REFERENCES "public"."visits"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_issues" ADD CONSTRAINT "visit_issues_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_issues" ADD CONSTRAINT "visit_issues_category_fk" FOREIGN KEY ("zone_id","category_code") REFERENCES "public"."demand_categories"("zone_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_issues" ADD CONSTRAINT "visit_issues_demand_fk" FOREIGN KEY ("zone_id","demand_id") REFERENCES "public"."demands"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_issues" ADD CONSTRAINT "visit_issues_created_by_fk" FOREIGN KEY ("zone_id","created_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_visit_fk" FOREIGN KEY ("zone_id","visit_id") REFERENCES "public"."visits"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_uploaded_by_fk" FOREIGN KEY ("zone_id","uploaded_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_leader_fk" FOREIGN KEY ("zone_id","leader_id") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_theme_fk" FOREIGN KEY ("zone_id","theme_id") REFERENCES "public"."themes"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_created_by_fk" FOREIGN KEY ("zone_id","created_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_signed_off_by_fk" FOREIGN KEY ("zone_id","signed_off_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_enterprises_enterprise_idx" ON "visit_enterprises" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "visit_issues_visit_idx" ON "visit_issues" USING btree ("zone_id","visit_id");--> statement-breakpoint
CREATE INDEX "visit_photos_visit_idx" ON "visit_photos" USING btree ("zone_id","visit_id");--> statement-breakpoint
CREATE INDEX "visits_on_idx" ON "visits" USING btree ("zone_id","visit_on","half_day");--> statement-breakpoint
CREATE INDEX "visits_leader_idx" ON "visits" USING btree ("zone_id","leader_id","visit_on");--> statement-breakpoint
CREATE INDEX "demands_visit_idx" ON "demands" USING btree ("zone_id","visit_id");--> statement-breakpoint
-- demands.visit_id → visits: declared here, since src/db/schema/demands.ts cannot import visits.ts without a cycle.
ALTER TABLE "demands" ADD CONSTRAINT "demands_visit_fk" FOREIGN KEY ("zone_id","visit_id") REFERENCES "public"."visits"("zone_id","id") ON DELETE no action ON UPDATE no action;
