-- Messages to partners (issue 16, part 4; lib/messages, docs/decisions.md "Messages to partners").
-- A Message is written once in English and/or Russian; each partner it reaches gets a MessageRecipient
-- row (inbox item, read state, e-mail state); direct messages carry a thread of MessageReply rows.

-- CreateEnum
CREATE TYPE "MessageAudience" AS ENUM ('partner', 'program');

-- CreateEnum
CREATE TYPE "MessageAuthorKind" AS ENUM ('staff', 'partner');

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "audience" "MessageAudience" NOT NULL,
    "partnerId" TEXT,
    "programId" TEXT,
    "subjectEn" TEXT,
    "bodyEn" TEXT,
    "subjectRu" TEXT,
    "bodyRu" TEXT,
    "authorUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id"),
    -- Each language is a subject with its body or neither; at least one language.
    CONSTRAINT "Message_en_check" CHECK (("subjectEn" IS NULL) = ("bodyEn" IS NULL)),
    CONSTRAINT "Message_ru_check" CHECK (("subjectRu" IS NULL) = ("bodyRu" IS NULL)),
    CONSTRAINT "Message_language_check" CHECK ("subjectEn" IS NOT NULL OR "subjectRu" IS NOT NULL),
    -- A direct message names its partner (a program may later be archived or deleted: SET NULL).
    CONSTRAINT "Message_target_check" CHECK ("audience" <> 'partner' OR "partnerId" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "MessageRecipient" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "mailedAt" TIMESTAMP(3),
    "outboxEmailId" TEXT,

    CONSTRAINT "MessageRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageReply" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "authorKind" "MessageAuthorKind" NOT NULL,
    "authorUserId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Message_tenantId_createdAt_idx" ON "Message"("tenantId", "createdAt");
CREATE UNIQUE INDEX "MessageRecipient_messageId_partnerId_key" ON "MessageRecipient"("messageId", "partnerId");
CREATE INDEX "MessageRecipient_tenantId_partnerId_readAt_createdAt_idx" ON "MessageRecipient"("tenantId", "partnerId", "readAt", "createdAt");
CREATE INDEX "MessageRecipient_mailedAt_createdAt_idx" ON "MessageRecipient"("mailedAt", "createdAt");
CREATE INDEX "MessageReply_tenantId_messageId_createdAt_idx" ON "MessageReply"("tenantId", "messageId", "createdAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Message" ADD CONSTRAINT "Message_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Message" ADD CONSTRAINT "Message_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Message" ADD CONSTRAINT "Message_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MessageRecipient" ADD CONSTRAINT "MessageRecipient_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MessageRecipient" ADD CONSTRAINT "MessageRecipient_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MessageRecipient" ADD CONSTRAINT "MessageRecipient_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MessageRecipient" ADD CONSTRAINT "MessageRecipient_outboxEmailId_fkey" FOREIGN KEY ("outboxEmailId") REFERENCES "OutboxEmail"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MessageReply" ADD CONSTRAINT "MessageReply_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MessageReply" ADD CONSTRAINT "MessageReply_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MessageReply" ADD CONSTRAINT "MessageReply_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security, as for every tenant-owned table (20261206040000_row_level_security, with the
-- initplan form of 20261206090000_rls_initplan).
GRANT SELECT, INSERT, UPDATE, DELETE ON "Message", "MessageRecipient", "MessageReply" TO twoway_app;
ALTER TABLE "Message" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Message" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "MessageRecipient" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "MessageRecipient" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "MessageReply" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "MessageReply" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
