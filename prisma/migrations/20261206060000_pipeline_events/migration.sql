-- Issue 12: the pipeline is a source of funnel and money events.
-- A commission basis paying a percent of a referral's deal value (the amount of its close event), once
-- per referral. Only the enum value is added here: a new enum value cannot be used in the transaction
-- that adds it, and nothing in this migration uses it.
ALTER TYPE "CommissionBasis" ADD VALUE IF NOT EXISTS 'deal_share';
