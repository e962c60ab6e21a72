"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

type Labels = { home: string; mine: string; submit: string; opportunities: string; links: string; funnel: string; earnings: string; account: string; nav: string };

/** The portal's destinations; a tab bar that scrolls sideways on a narrow phone. */
export function PortalNav({ base, labels }: { base: string; labels: Labels }) {
  const pathname = usePathname();
  const current = useRef<HTMLAnchorElement>(null);
  // On a narrow phone the last tabs sit off-screen: bring the current one into view.
  useEffect(() => {
    current.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  const list = `${base}/referrals`;
  const items = [
    { href: base, label: labels.home, active: pathname === base },
    { href: list, label: labels.mine, active: pathname === list || (pathname.startsWith(`${list}/`) && pathname !== `${list}/new`) },
    { href: `${list}/new`, label: labels.submit, active: pathname === `${list}/new` },
    { href: `${base}/opportunities`, label: labels.opportunities, active: pathname === `${base}/opportunities` || pathname.startsWith(`${base}/opportunities/`) },
    { href: `${base}/links`, label: labels.links, active: pathname === `${base}/links` },
    { href: `${base}/funnel`, label: labels.funnel, active: pathname === `${base}/funnel` },
    { href: `${base}/earnings`, label: labels.earnings, active: pathname === `${base}/earnings` || pathname.startsWith(`${base}/earnings/`) },
    { href: `${base}/account`, label: labels.account, active: pathname === `${base}/account` || pathname.startsWith(`${base}/account/`) },
  ];
  return (
    <nav aria-label={labels.nav} className="-mb-px flex overflow-x-auto">
      {items.map((item) => (
        <Link
          key={item.href}
          ref={item.active ? current : undefined}
          href={item.href}
          aria-current={item.active ? "page" : undefined}
          className={`shrink-0 border-b-2 px-2 py-2.5 sm:px-3 text-sm font-medium ${item.active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
