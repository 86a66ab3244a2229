-- AlterTable
ALTER TABLE "check_in_teams" ADD COLUMN     "member_since" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "reporting_rules" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "anonymity_threshold" INTEGER NOT NULL,
    "reporting_period" "reporting_period" NOT NULL,
    "time_zone" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reporting_rules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reporting_rules_organisation_id_effective_from_key" ON "reporting_rules"("organisation_id", "effective_from");

-- AddForeignKey
ALTER TABLE "reporting_rules" ADD CONSTRAINT "reporting_rules_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
