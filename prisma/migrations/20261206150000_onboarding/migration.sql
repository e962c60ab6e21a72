-- Onboarding checklist on the staff overview (issue 15, part 1; lib/onboarding/checklist.ts).
-- The steps tick from existing rows; only three facts need a home of their own on "Tenant":
--   "closesByHand"          the agency records closes by hand instead of sending them with an API key
--                           (the checklist's last step is an API key OR this choice);
--   "onboardingDismissedAt" staff hid the checklist before finishing it;
--   "onboardingCompletedAt" the checklist was first seen with every step done; it then stays hidden
--                           even if, say, the only program is archived later, and is not recomputed.
-- "Tenant" is not row-level-secured by tenant column (its policies key on "id"), so nothing else changes.
ALTER TABLE "Tenant" ADD COLUMN "closesByHand" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Tenant" ADD COLUMN "onboardingDismissedAt" TIMESTAMP(3);
ALTER TABLE "Tenant" ADD COLUMN "onboardingCompletedAt" TIMESTAMP(3);
