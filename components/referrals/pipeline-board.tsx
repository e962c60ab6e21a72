"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { marketPairLabel } from "@/components/referrals/market-pair-label";
import { TransitionForm } from "@/components/referrals/transition-form";
import type { ReferralStatus } from "@/lib/kernel/enums";

type Card = { id: string; kind: string; subjectName: string; status: ReferralStatus; sourceMarket: string; targetMarket: string; partner: { name: string } | null; program: { name: string } };
type Column = { status: ReferralStatus; total: number; moves: ReferralStatus[]; cards: Card[] };

/**
 * The pipeline as columns by status. A card moves with the keyboard-reachable «Move» button, which
 * opens the same transition form (and server action, and state machine) as the referral's page,
 * asking for a reason or deal details when the chosen move needs them.
 */
export function PipelineBoard({ columns, locale, tenant, base, writable, currency, today }: {
  columns: Column[]; locale: string; tenant: string; base: string; writable: boolean; currency: string; today: string;
}) {
  const { t } = useTranslation("referrals");
  const [moving, setMoving] = useState<{ card: Card; moves: ReferralStatus[] } | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (moving && !dialogRef.current?.open) dialogRef.current?.showModal();
  }, [moving]);

  return (
    <>
      <div className="-mx-4 overflow-x-auto px-4 pb-2 lg:mx-0 lg:px-0">
        <div className="flex gap-3" style={{ minWidth: `${columns.length * 15}rem` }}>
          {columns.map((column) => (
            <section key={column.status} aria-labelledby={`col-${column.status}`} className="flex w-60 shrink-0 flex-col rounded-lg bg-slate-100 p-2">
              <h2 id={`col-${column.status}`} className="flex items-baseline justify-between px-1 pb-2 text-sm font-semibold text-slate-800">
                <span>{t(`status.${column.status}`)}</span>
                <span className="tabular-nums text-slate-500">{column.total}</span>
              </h2>
              {column.cards.length === 0 ? <p className="px-1 py-2 text-xs text-slate-500">{t("board.empty")}</p> : null}
              <ul className="space-y-2">
                {column.cards.map((card) => (
                  <li key={card.id} className="rounded-md bg-white p-2.5 text-sm shadow-sm ring-1 ring-slate-200">
                    <Link href={`${base}/${card.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">{card.subjectName}</Link>
                    <p className="text-xs text-slate-500">{t(`kind.${card.kind}`)} · {marketPairLabel(t, card.sourceMarket, card.targetMarket)}</p>
                    {card.partner ? <p className="truncate text-xs text-slate-600">{card.partner.name}</p> : null}
                    {writable && column.moves.length ? (
                      <button
                        type="button"
                        onClick={(event) => { opener.current = event.currentTarget; setMoving({ card, moves: column.moves }); }}
                        aria-haspopup="dialog"
                        aria-label={t("board.moveCard", { name: card.subjectName })}
                        className="mt-2 rounded px-2 py-1 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
                      >
                        {t("board.move")}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
              {column.total > column.cards.length ? (
                <p className="px-1 pt-2 text-xs text-slate-500">{t("board.more", { count: column.total - column.cards.length })}</p>
              ) : null}
            </section>
          ))}
        </div>
      </div>
      <dialog
        ref={dialogRef}
        aria-labelledby="board-move-title"
        onClose={() => { setMoving(null); opener.current?.focus(); }}
        className="mx-auto mt-[10vh] w-[min(32rem,calc(100vw-2rem))] rounded-xl bg-white p-5 shadow-2xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        {moving ? (
          <>
            <div className="mb-4 flex items-start justify-between gap-3">
              <h2 id="board-move-title" className="text-base font-semibold text-slate-900">{t("board.moveTitle", { name: moving.card.subjectName, status: t(`status.${moving.card.status}`) })}</h2>
              <button type="button" onClick={() => dialogRef.current?.close()} className="rounded px-2 py-1 text-xs font-medium text-slate-500 ring-1 ring-slate-200 hover:bg-slate-50">{t("board.close")}</button>
            </div>
            <TransitionForm key={moving.card.id} locale={locale} tenant={tenant} id={moving.card.id} current={moving.card.status} options={moving.moves} currency={currency} today={today} view="board" />
          </>
        ) : null}
      </dialog>
    </>
  );
}
