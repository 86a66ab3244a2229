-- CreateEnum
CREATE TYPE "suppression" AS ENUM ('too_few', 'complementary');

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "time_zone" TEXT NOT NULL DEFAULT 'Europe/London';

-- CreateTable
CREATE TABLE "published_periods" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reporting_period" "reporting_period" NOT NULL,
    "time_zone" TEXT NOT NULL,
    "anonymity_threshold" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "published_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "period_aggregates" (
    "period_id" UUID NOT NULL,
    "group_key" TEXT NOT NULL,
    "team_id" UUID,
    "suppression" "suppression",
    "respondents" INTEGER,
    "members" INTEGER,
    "bands_withheld" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "compassion_satisfaction_mean" DOUBLE PRECISION,
    "compassion_satisfaction_sd" DOUBLE PRECISION,
    "compassion_satisfaction_low" INTEGER,
    "compassion_satisfaction_moderate" INTEGER,
    "compassion_satisfaction_high" INTEGER,
    "burnout_mean" DOUBLE PRECISION,
    "burnout_sd" DOUBLE PRECISION,
    "burnout_low" INTEGER,
    "burnout_moderate" INTEGER,
    "burnout_high" INTEGER,
    "secondary_traumatic_stress_mean" DOUBLE PRECISION,
    "secondary_traumatic_stress_sd" DOUBLE PRECISION,
    "secondary_traumatic_stress_low" INTEGER,
    "secondary_traumatic_stress_moderate" INTEGER,
    "secondary_traumatic_stress_high" INTEGER,

    CONSTRAINT "period_aggregates_pkey" PRIMARY KEY ("period_id","group_key")
);

-- CreateTable
CREATE TABLE "initiatives" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "whole_organisation" BOOLEAN NOT NULL DEFAULT false,
    "periods_each_side" INTEGER NOT NULL DEFAULT 3,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "initiatives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiative_teams" (
    "initiative_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,

    CONSTRAINT "initiative_teams_pkey" PRIMARY KEY ("initiative_id","team_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "published_periods_organisation_id_starts_at_key" ON "published_periods"("organisation_id", "starts_at");

-- CreateIndex
CREATE INDEX "period_aggregates_team_id_idx" ON "period_aggregates"("team_id");

-- CreateIndex
CREATE INDEX "initiatives_organisation_id_starts_on_idx" ON "initiatives"("organisation_id", "starts_on");

-- CreateIndex
CREATE INDEX "initiative_teams_team_id_idx" ON "initiative_teams"("team_id");

-- AddForeignKey
ALTER TABLE "published_periods" ADD CONSTRAINT "published_periods_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "period_aggregates" ADD CONSTRAINT "period_aggregates_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "published_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "period_aggregates" ADD CONSTRAINT "period_aggregates_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_teams" ADD CONSTRAINT "initiative_teams_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_teams" ADD CONSTRAINT "initiative_teams_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
