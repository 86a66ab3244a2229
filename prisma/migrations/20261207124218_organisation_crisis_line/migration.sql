-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "crisis_line_country" TEXT,
ADD COLUMN     "crisis_line_phone" TEXT,
ADD COLUMN     "crisis_line_text" TEXT;
