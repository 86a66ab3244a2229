-- AlterTable
ALTER TABLE "period_aggregates" ADD COLUMN     "reporting_group_id" UUID;

-- CreateTable
CREATE TABLE "reporting_groups" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reporting_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_reporting" (
    "team_id" UUID NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "reporting_group_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_reporting_pkey" PRIMARY KEY ("team_id","effective_from")
);

-- CreateIndex
CREATE UNIQUE INDEX "reporting_groups_organisation_id_name_key" ON "reporting_groups"("organisation_id", "name");

-- CreateIndex
CREATE INDEX "team_reporting_reporting_group_id_idx" ON "team_reporting"("reporting_group_id");

-- AddForeignKey
ALTER TABLE "period_aggregates" ADD CONSTRAINT "period_aggregates_reporting_group_id_fkey" FOREIGN KEY ("reporting_group_id") REFERENCES "reporting_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporting_groups" ADD CONSTRAINT "reporting_groups_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_reporting" ADD CONSTRAINT "team_reporting_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_reporting" ADD CONSTRAINT "team_reporting_reporting_group_id_fkey" FOREIGN KEY ("reporting_group_id") REFERENCES "reporting_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
