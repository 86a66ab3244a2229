-- AlterTable
ALTER TABLE "period_aggregates" ADD COLUMN     "distributions" JSONB;
