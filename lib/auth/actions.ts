"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { userAction } from "@/lib/actions/client";
import { stateless } from "@/lib/actions/define-action";
import { guestAction } from "@/lib/actions/public-client";
import { auth, signIn, signOut } from "./auth";
import { homePath, safeNext } from "./home-path";
import { allowSignUp } from "./rate-limit";
import { sendSignUpMail, signUp, signUpSchema } from "./sign-up";
import { bumpSessionVersion, setMagicLinkSignIn } from "./users";

const signInSettingsSchema = z.object({ magicLinkSignIn: z.enum(["on"]).optional() });

export const signInAction = guestAction({
  values: false,
  run: async ({ formData, locale, paths, redirect }) => {
    const email = String(formData.get("email") ?? "");
    try {
      await signIn("credentials", { email, password: String(formData.get("password") ?? ""), redirect: false });
    } catch (error) {
      if (error instanceof AuthError) {
        const code = (error as AuthError & { code?: string }).code;
        return { ok: false, message: { key: code === "rate_limited" ? "rate_limited" : "invalid_credentials" }, values: { email } };
      }
      throw error;
    }
    const session = await auth();
    redirect(safeNext(formData.get("next")) ?? (session?.user?.id ? await homePath(session.user.id, locale) : paths.root()));
  },
});

export const magicLinkAction = guestAction({
  values: false,
  run: async ({ formData, paths, redirect }) => {
    const email = String(formData.get("email") ?? "").trim().toLowerCase();
    const values = { email };
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false, fieldErrors: { email: { key: "invalid_email" } }, values };
    try {
      await signIn("email", { email, redirect: false, redirectTo: paths.root() });
    } catch (error) {
      if (error instanceof AuthError) return { ok: false, message: { key: "unexpected" }, values };
      throw error;
    }
    // The same answer whether or not the address has an account.
    redirect(paths.root("check-email"));
  },
});

/**
 * Sign-up answers the same for every e-mail — "check your e-mail to continue" — and the mail says
 * what happened (workspace ready, or an account already exists). Limited per client address.
 */
export const signUpAction = guestAction({
  schema: signUpSchema,
  values: { omit: ["password"] },
  rateLimit: { allow: allowSignUp, code: "rate_limited" },
  run: async ({ input, locale, paths, redirect }) => {
    const outcome = await signUp(input, locale);
    await sendSignUpMail(input, outcome, locale);
    redirect(paths.root("check-email?from=signup"));
  },
});

/** Signs out; the events.signOut hook bumps the session version, so the old token is dead everywhere. */
export const signOutAction = stateless(
  guestAction({
    run: async ({ paths, redirect }) => {
      await signOut({ redirect: false });
      redirect(paths.root("sign-in"));
    },
  }),
);

/** The staff member's own sign-in settings: whether an e-mailed link may sign them in. */
export const saveSignInSettingsAction = userAction({
  schema: signInSettingsSchema,
  values: false,
  run: async ({ ctx, input }) => {
    await setMagicLinkSignIn(ctx.id, input.magicLinkSignIn === "on");
    return { ok: true, message: { key: "saved" } };
  },
});

/** Ends every session of this user (all devices, this one included). */
export const signOutEverywhereAction = stateless(
  userAction({
    run: async ({ ctx, paths, redirect }) => {
      await bumpSessionVersion(ctx.id);
      await signOut({ redirect: false });
      redirect(paths.root("sign-in"));
    },
  }),
);
