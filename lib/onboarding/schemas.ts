import { z } from "zod";

// The "we close by hand" button on the onboarding checklist (a form field is always a string).
export const closesByHandInput = z.object({
  closesByHand: z.enum(["true", "false"], { message: "invalid_choice" }).transform((v) => v === "true"),
});
