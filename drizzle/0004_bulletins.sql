CREATE TABLE "bulletin_publications" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"bulletin_id" uuid NOT NULL,
	"status" text NOT NULL,
	"draft_media_id" text,
	"thumb_media_id" text,
	"publish_id" text,
	"article_id" text,
	"article_url" text,
	"last_errcode" integer,
	"last_errmsg" text,
	"fail_reason" text,
	"polls" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletin_publications_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "bulletins" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"month" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"intro" text,
	"case_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"snapshot" jsonb,
	"correction_reason" text,
	"supersedes_id" uuid,
	"review_note" text,
	"created_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletins_zone_id_id_pk" PRIMARY KEY("zone_id","id"),
	CONSTRAINT "bulletins_zone_month_version_key" UNIQUE("zone_id","month","version")
);
--> statement-breakpoint
CREATE TABLE "wechat_accounts" (
	"zone_id" uuid PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"app_secret_encrypted" text NOT NULL,
	"callback_token" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"access_token" text,
	"access_token_expires_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wechat_calls" (
	"zone_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"publication_id" uuid,
	"endpoint" text NOT NULL,
	"errcode" integer,
	"errmsg" text,
	"rid" text,
	"http_status" integer,
	"duration_ms" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wechat_calls_zone_id_id_pk" PRIMARY KEY("zone_id","id")
);
--> statement-breakpoint
CREATE TABLE "wechat_images" (
	"zone_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"url" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wechat_images_zone_id_sha256_pk" PRIMARY KEY("zone_id","sha256")
);
--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "bulletin_min_ranked" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "bulletin_publications" ADD CONSTRAINT "bulletin_publications_bulletin_fk" FOREIGN KEY ("zone_id","bulletin_id") REFERENCES "public"."bulletins"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_supersedes_fk" FOREIGN KEY ("zone_id","supersedes_id") REFERENCES "public"."bulletins"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_created_by_fk" FOREIGN KEY ("zone_id","created_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_approved_by_fk" FOREIGN KEY ("zone_id","approved_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_published_by_fk" FOREIGN KEY ("zone_id","published_by") REFERENCES "public"."users"("zone_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wechat_accounts" ADD CONSTRAINT "wechat_accounts_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulletin_publications_bulletin_idx" ON "bulletin_publications" USING btree ("zone_id","bulletin_id");--> statement-breakpoint
CREATE INDEX "bulletin_publications_publish_idx" ON "bulletin_publications" USING btree ("zone_id","publish_id");--> statement-breakpoint
CREATE INDEX "bulletins_status_idx" ON "bulletins" USING btree ("zone_id","status","month");--> statement-breakpoint
CREATE INDEX "wechat_calls_publication_idx" ON "wechat_calls" USING btree ("zone_id","publication_id","at");