"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

type Labels = { home: string; mine: string; submit: string; nav: string };

/** The portal's three destinations; a tab bar that fits a phone's width. */
export function PortalNav({ base, labels }: { base: string; labels: Labels }) {
  const pathname = usePathname();
  const list = `${base}/referrals`;
  const items = [
    { href: base, label: labels.home, active: pathname === base },
    { href: list, label: labels.mine, active: pathname === list || (pathname.startsWith(`${list}/`) && pathname !== `${list}/new`) },
    { href: `${list}/new`, label: labels.submit, active: pathname === `${list}/new` },
  ];
  return (
    <nav aria-label={labels.nav} className="-mb-px flex overflow-x-auto">
      {items.map((item) => (
        <Link
          key={item.href}
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
