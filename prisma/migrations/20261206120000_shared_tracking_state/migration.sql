-- Shared tracking state across app instances (issue 14, part 4).
--
-- 1. Link-cache invalidation: every committed change that can alter what /r/<code> answers sends a
--    NOTIFY on channel "twoway_link_changed"; each redirect server LISTENs and evicts (lib/tracking/
--    link-invalidation.ts). Triggers instead of calls in lib/links so that every writer is covered —
--    actions, the API, jobs, the seed, a manual UPDATE in psql. NOTIFY is transactional: a rolled-back
--    change sends nothing, a committed one is delivered after the commit. Payload: the link's code, or
--    '*' (drop everything) when a partner or program changes — rare, and its links may be many.
CREATE OR REPLACE FUNCTION twoway_notify_link_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'TrackedLink' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('twoway_link_changed', OLD.code); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.code <> OLD.code) THEN
      PERFORM pg_notify('twoway_link_changed', NEW.code);
    END IF;
  ELSE
    PERFORM pg_notify('twoway_link_changed', '*');
  END IF;
  RETURN NULL;
END $$;

-- Insert too: a code asked for before it existed is cached as missing.
CREATE TRIGGER "TrackedLink_notify_changed"
  AFTER INSERT OR DELETE OR UPDATE OF code, "destinationUrl", "disabledAt", "partnerId", "programId",
    "opportunityId", "sourceMarket", "targetMarket", "tenantId"
  ON "TrackedLink" FOR EACH ROW EXECUTE FUNCTION twoway_notify_link_changed();

CREATE TRIGGER "Partner_notify_links_changed"
  AFTER UPDATE OF status, "refCode" ON "Partner" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."refCode" IS DISTINCT FROM NEW."refCode")
  EXECUTE FUNCTION twoway_notify_link_changed();

CREATE TRIGGER "Program_notify_links_changed"
  AFTER UPDATE OF "archivedAt", "attributionWindowDays" ON "Program" FOR EACH ROW
  WHEN (OLD."archivedAt" IS DISTINCT FROM NEW."archivedAt" OR OLD."attributionWindowDays" IS DISTINCT FROM NEW."attributionWindowDays")
  EXECUTE FUNCTION twoway_notify_link_changed();

-- 2. Repeat clicks across instances: the click writer looks for an earlier counted click of the
--    same visitor on the same link within 30 minutes when it stores a batch (click-store.ts).
CREATE INDEX "Click_linkId_visitorHash_occurredAt_idx" ON "Click"("linkId", "visitorHash", "occurredAt");
