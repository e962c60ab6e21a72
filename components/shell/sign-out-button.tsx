import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton({ locale, label }: { locale: string; label: string }) {
  return (
    <form action={signOutAction.bind(null, { locale })}>
      <button type="submit" className="text-sm font-medium text-slate-600 hover:text-slate-900">
        {label}
      </button>
    </form>
  );
}
