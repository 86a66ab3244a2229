-- CreateTable
CREATE TABLE "check_in_notes" (
    "check_in_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "check_in_notes_pkey" PRIMARY KEY ("check_in_id")
);

-- CreateIndex
CREATE INDEX "check_in_notes_user_id_idx" ON "check_in_notes"("user_id");

-- AddForeignKey
ALTER TABLE "check_in_notes" ADD CONSTRAINT "check_in_notes_check_in_id_fkey" FOREIGN KEY ("check_in_id") REFERENCES "check_ins"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_in_notes" ADD CONSTRAINT "check_in_notes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
