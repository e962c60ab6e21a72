"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/** `placements` is null for a partner with none: the menu leaves the entry out. */
type Labels = { home: string; mine: string; submit: string; opportunities: string; links: string; funnel: string; placements: string | null; earnings: string; messages: string; account: string; nav: string; more: string };
/** Unread messages: the badge on "Messages" (and on "More" on a phone), with its spoken form. */
type Unread = { count: number; label: string };
type Item = { key: string; href: string; label: string; active: boolean };

function items(base: string, pathname: string, labels: Labels): Item[] {
  const list = `${base}/referrals`;
  const under = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return [
    { key: "home", href: base, label: labels.home, active: pathname === base },
    { key: "mine", href: list, label: labels.mine, active: under(list) && pathname !== `${list}/new` },
    { key: "submit", href: `${list}/new`, label: labels.submit, active: pathname === `${list}/new` },
    { key: "opportunities", href: `${base}/opportunities`, label: labels.opportunities, active: under(`${base}/opportunities`) },
    { key: "links", href: `${base}/links`, label: labels.links, active: pathname === `${base}/links` },
    { key: "funnel", href: `${base}/funnel`, label: labels.funnel, active: pathname === `${base}/funnel` },
    ...(labels.placements ? [{ key: "placements", href: `${base}/placements`, label: labels.placements, active: under(`${base}/placements`) }] : []),
    { key: "earnings", href: `${base}/earnings`, label: labels.earnings, active: under(`${base}/earnings`) },
    { key: "messages", href: `${base}/messages`, label: labels.messages, active: under(`${base}/messages`) },
    { key: "account", href: `${base}/account`, label: labels.account, active: under(`${base}/account`) },
  ];
}

function UnreadBadge({ unread }: { unread: Unread }) {
  if (unread.count === 0) return null;
  return (
    <>
      <span data-testid="message-count" aria-hidden="true" className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white">
        {unread.count}
      </span>
      <span className="sr-only"> ({unread.label})</span>
    </>
  );
}

/** The portal's destinations as tabs under the header: on a tablet or desktop (≥ 640 px) only. */
export function PortalNav({ base, labels, unread }: { base: string; labels: Labels; unread: Unread }) {
  const pathname = usePathname();
  return (
    <nav aria-label={labels.nav} className="-mb-px hidden flex-wrap sm:flex">
      {items(base, pathname, labels).map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.active ? "page" : undefined}
          className={`shrink-0 border-b-2 px-3 py-2.5 text-sm font-medium ${item.active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {item.label}
          {item.key === "messages" ? <UnreadBadge unread={unread} /> : null}
        </Link>
      ))}
    </nav>
  );
}

// Inline outline icons (24 × 24, stroke), so the bar needs no icon library.
const paths: Record<string, ReactNode> = {
  home: <path d="M3 10.5 12 3l9 7.5M5 9v11h5v-6h4v6h5V9" />,
  mine: <path d="M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01" />,
  submit: <path d="M12 5v14M5 12h14" />,
  earnings: <path d="M3 7h18v12H3zM3 11h18M7 15h3" />,
  more: <path d="M5 12h.01M12 12h.01M19 12h.01" />,
  opportunities: <path d="M4 8h16v11H4zM9 8V5h6v3" />,
  links: <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />,
  funnel: <path d="M3 4h18l-7 8v6l-4 2v-8z" />,
  placements: <path d="M4 5h16v11H4zM8 20h8M12 16v4M10 8.5v4l3.5-2z" />,
  account: <path d="M4 6h16v12H4zM8 10h4M8 14h8" />,
  messages: <path d="M4 5h16v11H9l-5 4z" />,
};
function Icon({ name }: { name: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      {paths[name]}
    </svg>
  );
}

// Four cells of a quarter of a 390 px screen each: whole Russian words («рекомендации») fit, unbroken.
const MAIN = ["home", "mine", "earnings"];

/**
 * On a phone (< 640 px) the portal's destinations sit in a bar at the bottom of the screen, in reach
 * of the thumb: home, referrals and the money, plus "More" (a new referral first) for the rest.
 */
export function PortalBottomNav({ base, labels, unread }: { base: string; labels: Labels; unread: Unread }) {
  const pathname = usePathname();
  // The menu is open for the page it was opened on: a navigation closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const menuId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const all = items(base, pathname, labels);
  const main = all.filter((i) => MAIN.includes(i.key));
  const rest = all.filter((i) => !MAIN.includes(i.key));
  const restActive = rest.some((i) => i.active);
  // Escape and a tap outside close it too.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpenOn(null);
    const onDown = (e: PointerEvent) => !wrap.current?.contains(e.target as Node) && setOpenOn(null);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onDown);
    };
  }, [open]);
  const cell = (active: boolean) => `flex min-w-0 flex-1 flex-col items-center gap-0.5 px-1 pt-2 pb-1.5 text-[11px] font-medium leading-tight ${active ? "text-indigo-700" : "text-slate-600"}`;
  return (
    <div ref={wrap} className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] sm:hidden">
      <nav aria-label={labels.nav} className="flex">
        {main.map((item) => (
          <Link key={item.key} href={item.href} aria-current={item.active ? "page" : undefined} className={cell(item.active)}>
            <Icon name={item.key} />
            <span className="w-full text-center break-words">{item.label}</span>
          </Link>
        ))}
        <button type="button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)} className={`relative ${cell(restActive || open)}`}>
          <Icon name="more" />
          <span className="w-full text-center break-words">{labels.more}{unread.count > 0 ? <span className="sr-only"> ({unread.label})</span> : null}</span>
          {unread.count > 0 ? <span aria-hidden="true" className="absolute top-1.5 right-[calc(50%-1.25rem)] h-2.5 w-2.5 rounded-full bg-indigo-600" /> : null}
        </button>
        {/* Inside the navigation landmark, right after its button in the focus order; placed above the bar. */}
        {open ? (
          <ul id={menuId} className="absolute right-2 bottom-full mb-2 w-60 max-w-[calc(100vw-1rem)] rounded-xl bg-white py-1 shadow-lg ring-1 ring-slate-200">
            {rest.map((item) => (
              <li key={item.key}>
                <Link href={item.href} aria-current={item.active ? "page" : undefined} className={`flex items-center gap-3 px-4 py-3 text-sm font-medium ${item.active ? "text-indigo-700" : "text-slate-700"}`}>
                  <Icon name={item.key} />
                  <span className="min-w-0 break-words">{item.label}</span>
                  {item.key === "messages" ? <UnreadBadge unread={unread} /> : null}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </nav>
    </div>
  );
}
