-- CreateEnum
CREATE TYPE "reminder_kind" AS ENUM ('due', 'follow_up');

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "reminder_interval_days" INTEGER,
ADD COLUMN     "reminders_paused_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "reminders" (
    "id" UUID NOT NULL,
    "membership_id" UUID NOT NULL,
    "cycle_start" TIMESTAMPTZ(3) NOT NULL,
    "kind" "reminder_kind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "reminders_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reminders_sent_at_next_attempt_at_idx" ON "reminders"("sent_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "reminders_membership_id_cycle_start_kind_key" ON "reminders"("membership_id", "cycle_start", "kind");

-- AddForeignKey
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_membership_id_fkey" FOREIGN KEY ("membership_id") REFERENCES "memberships"("id") ON DELETE CASCADE ON UPDATE CASCADE;
