CREATE TABLE "zones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"default_deadline_days" integer DEFAULT 5 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zones_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_zone_id_id_pk" PRIMARY KEY("zone_id","id"),
	CONSTRAINT "departments_zone_name_key" UNIQUE("zone_id","name")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"secret_hash" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"zone_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_zone_id_user_id_role_pk" PRIMARY KEY("zone_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"phone" text,
	"department_id" uuid,
	"enterprise_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_zone_id_id_pk" PRIMARY KEY("zone_id","id"),
	CONSTRAINT "users_zone_username_key" UNIQUE("zone_id","username")
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_entries_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "enterprise_contacts" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phone" text,
	"email" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "enterprise_contacts_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "enterprise_figures" (
	"zone_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"employees" integer,
	"revenue" numeric(18, 2),
	"main_revenue" numeric(18, 2),
	"total_assets" numeric(18, 2),
	"liabilities" numeric(18, 2),
	"rd_expense" numeric(18, 2),
	"rd_staff" integer,
	"ip_invention" integer,
	"ip_utility_model" integer,
	"ip_design" integer,
	"ip_software" integer,
	"ip_other" integer,
	"equity_financing" numeric(18, 2),
	CONSTRAINT "enterprise_figures_zone_id_enterprise_id_year_pk" PRIMARY KEY("zone_id","enterprise_id","year")
);
--> statement-breakpoint
CREATE TABLE "enterprise_imports" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "enterprise_imports_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "enterprise_qualifications" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"certificate_no" text,
	"valid_from" date NOT NULL,
	"valid_until" date,
	CONSTRAINT "enterprise_qualifications_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "enterprise_themes" (
	"zone_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "enterprise_themes_zone_id_enterprise_id_theme_id_pk" PRIMARY KEY("zone_id","enterprise_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"legal_representative" text,
	"industry_section" text,
	"industry_division" text,
	"size_sector" text,
	"address" text,
	"founded_on" date,
	"above_scale" boolean DEFAULT false NOT NULL,
	"cadre_id" uuid,
	"description" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_zone_id_id_pk" PRIMARY KEY("zone_id","id"),
	CONSTRAINT "enterprises_zone_uscc_key" UNIQUE("zone_id","uscc")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "themes_zone_id_id_pk" PRIMARY KEY("zone_id","id"),
	CONSTRAINT "themes_zone_name_key" UNIQUE("zone_id","name")
);
--> statement-breakpoint
CREATE TABLE "calendar_arrangements" (
	"zone_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"notice" text NOT NULL,
	"data" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" uuid,
	CONSTRAINT "calendar_arrangements_zone_id_year_pk" PRIMARY KEY("zone_id","year")
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"zone_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_overrides_zone_id_date_pk" PRIMARY KEY("zone_id","date")
);
--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_fk" FOREIGN KEY ("zone_id","user_id") REFERENCES "public"."users"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_fk" FOREIGN KEY ("zone_id","user_id") REFERENCES "public"."users"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_fk" FOREIGN KEY ("zone_id","department_id") REFERENCES "public"."departments"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_contacts" ADD CONSTRAINT "enterprise_contacts_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_figures" ADD CONSTRAINT "enterprise_figures_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_imports" ADD CONSTRAINT "enterprise_imports_user_fk" FOREIGN KEY ("zone_id","created_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_qualifications" ADD CONSTRAINT "enterprise_qualifications_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_themes" ADD CONSTRAINT "enterprise_themes_enterprise_fk" FOREIGN KEY ("zone_id","enterprise_id") REFERENCES "public"."enterprises"("zone_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_themes" ADD CONSTRAINT "enterprise_themes_theme_fk" FOREIGN KEY ("zone_id","theme_id") REFERENCES "public"."themes"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_cadre_fk" FOREIGN KEY ("zone_id","cadre_id") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_arrangements" ADD CONSTRAINT "calendar_arrangements_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("zone_id","expires_at");--> statement-breakpoint
CREATE INDEX "audit_entries_at_idx" ON "audit_entries" USING btree ("zone_id","at");--> statement-breakpoint
CREATE INDEX "audit_entries_entity_idx" ON "audit_entries" USING btree ("zone_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "enterprise_contacts_enterprise_idx" ON "enterprise_contacts" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprise_qualifications_enterprise_idx" ON "enterprise_qualifications" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("zone_id","name");