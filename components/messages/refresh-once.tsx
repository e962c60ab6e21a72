"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Opening an unread message marks it read while the page renders; the menu's unread badge sits in the
 * layout, which a navigation does not render again: one refresh shows the new count.
 */
export function RefreshOnce({ when }: { when: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (when) router.refresh();
  }, [when, router]);
  return null;
}
