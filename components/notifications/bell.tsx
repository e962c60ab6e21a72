import Link from "next/link";

/** The staff navigation's "needs attention" badge: a bell linking to the inbox, with the unread count. */
export function NotificationBell({ href, count, label }: { href: string; count: number; label: string }) {
  return (
    <Link
      href={href}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex size-9 items-center justify-center rounded-md text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50 hover:text-slate-900"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="size-5">
        <path strokeLinecap="round" strokeLinejoin="round" d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0" />
      </svg>
      {count > 0 ? (
        // Inside the bell's box (not hanging over its corner): a box whose content spills out is what the
        // layout-overflow spec looks for, and the header has no room to spare at 390 px.
        <span data-testid="notification-count" className="absolute right-0 top-0 min-w-4 rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-4 text-white">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
