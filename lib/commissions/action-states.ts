import type { FormState } from "@/lib/kernel/form";
import type { JobReason } from "./run-job";

/** The job's result, plus — when it created nothing — why, per rule (rendered by components/commissions/job-buttons.tsx). */
export type JobState = FormState & { reasons?: JobReason[] };
