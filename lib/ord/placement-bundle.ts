// A placement as the objects the ОРД needs, in registration order: the three parties (advertiser,
// agency, creator), the initial contract (brand → agency) and the creator's contract (agency →
// creator, a second `service` contract — docs/ord.md, "Contract chain"), the creator's channel (pad)
// and the creative, whose answer is the erid. External ids come from the tenant and the local rows
// (./external-id.ts), so every run names the same objects.
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { NotFoundError } from "@/lib/kernel/errors";
import { ordExternalId } from "./external-id";
import type { LegalForm, OrdContract, OrdCreative, OrdPad, OrdPerson } from "./schemas";

export type OrdStep =
  | { kind: "person"; localType: string; localId: string; object: OrdPerson }
  | { kind: "contract"; localType: string; localId: string; object: OrdContract }
  | { kind: "pad"; localType: string; localId: string; object: OrdPad }
  | { kind: "creative"; localType: string; localId: string; object: OrdCreative };

type PartyRow = { legalForm: string; name: string; inn: string | null; kpp: string | null; phone: string | null; foreignRegistrationNumber: string | null; foreignInn: string | null; foreignCountryCode: string | null };

/** The creator's key among OrdParty rows: the directory creator, else the placement itself. */
export const creatorPartyKey = (p: { id: string; creatorId: string | null }) => p.creatorId ?? `placement:${p.id}`;

const u = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function person(externalId: string, roles: OrdPerson["roles"], row: PartyRow | null, fallbackName: string): OrdPerson {
  // A missing party still becomes an object, so the schema names every missing field at once.
  return {
    externalId, roles, name: row?.name ?? fallbackName, legalForm: (row?.legalForm ?? "company") as LegalForm,
    inn: u(row?.inn), kpp: u(row?.kpp), phone: u(row?.phone), foreignRegistrationNumber: u(row?.foreignRegistrationNumber),
    foreignInn: u(row?.foreignInn), foreignCountryCode: u(row?.foreignCountryCode),
  };
}

const isoDay = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");

export async function loadPlacementForOrd(db: TenantDb | TenantTx, placementId: string) {
  const placement = await db.placement.findFirst({
    where: { id: placementId },
    include: { brand: { select: { id: true, name: true } }, trackedLink: { select: { destinationUrl: true } }, ordContracts: true },
  });
  if (!placement) throw new NotFoundError();
  const parties = await db.ordParty.findMany({
    where: { OR: [{ localType: "brand", localId: placement.brandId }, { localType: "creator", localId: creatorPartyKey(placement) }] },
  });
  const settings = await db.ordSettings.findFirst({ omit: { apiKey: true } });
  return {
    placement,
    settings,
    brandParty: parties.find((p) => p.localType === "brand") ?? null,
    creatorParty: parties.find((p) => p.localType === "creator") ?? null,
  };
}
export type PlacementForOrd = Awaited<ReturnType<typeof loadPlacementForOrd>>;

/** The steps for one placement (not yet validated: the client validates each before sending). */
export function placementOrdSteps(tenantId: string, data: PlacementForOrd): OrdStep[] {
  const { placement: p, settings: s } = data;
  const agencyRow: PartyRow | null = s?.agencyName
    ? { legalForm: s.agencyLegalForm ?? "company", name: s.agencyName, inn: s.agencyInn, kpp: s.agencyKpp, phone: null, foreignRegistrationNumber: null, foreignInn: null, foreignCountryCode: null }
    : null;
  const creatorKey = creatorPartyKey(p);
  const ids = {
    brand: ordExternalId("person", tenantId, `brand:${p.brandId}`),
    agency: ordExternalId("person", tenantId, "agency"),
    creator: ordExternalId("person", tenantId, `creator:${creatorKey}`),
    initial: ordExternalId("contract", tenantId, `initial:${p.id}`),
    toCreator: ordExternalId("contract", tenantId, `creator:${p.id}`),
    pad: ordExternalId("pad", tenantId, `channel:${p.creatorPlatformId ?? p.id}`),
    creative: ordExternalId("creative", tenantId, p.id),
  };
  const initial = p.ordContracts.find((c) => c.kind === "initial");
  const toCreator = p.ordContracts.find((c) => c.kind === "creator");
  // Amounts go to the operator in roubles only; another currency's price is left out.
  const creatorAmount = toCreator?.amountMinor ?? (p.currency === "RUB" ? p.priceMinor : null);
  const amount = (minor: bigint | null | undefined) => (minor === null || minor === undefined ? {} : { amountKopecks: Number(minor), vatIncluded: true });
  return [
    { kind: "person", localType: "brand", localId: p.brandId, object: person(ids.brand, ["advertiser"], data.brandParty, p.brand.name) },
    { kind: "person", localType: "agency", localId: tenantId, object: person(ids.agency, ["agency"], agencyRow, "—") },
    { kind: "person", localType: "creator", localId: creatorKey, object: person(ids.creator, ["publisher"], data.creatorParty, p.creatorName) },
    { kind: "contract", localType: "placement_initial", localId: p.id, object: {
      externalId: ids.initial, type: "service", clientExternalId: ids.brand, contractorExternalId: ids.agency,
      date: isoDay(initial?.signedOn), serial: u(initial?.serial), subject: "org_distribution", ...(initial ? amount(initial.amountMinor) : {}),
    } },
    { kind: "contract", localType: "placement_creator", localId: p.id, object: {
      externalId: ids.toCreator, type: "service", clientExternalId: ids.agency, contractorExternalId: ids.creator,
      date: isoDay(toCreator?.signedOn), serial: u(toCreator?.serial), subject: "distribution", ...amount(creatorAmount),
    } },
    { kind: "pad", localType: "channel", localId: p.creatorPlatformId ?? p.id, object: {
      externalId: ids.pad, personExternalId: ids.creator, isOwner: true, type: "web", name: p.channel.slice(0, 100), url: p.channel,
    } },
    { kind: "creative", localType: "placement", localId: p.id, object: {
      externalId: ids.creative, contractExternalIds: [ids.initial], kktus: [s?.defaultKktu ?? "30.15.1"], form: "text_block", payType: "other",
      name: `${p.brand.name} · ${p.creatorName}`.slice(0, 255), brand: p.brand.name.slice(0, 225), texts: [p.creativeText],
      targetUrls: p.trackedLink && /^https?:\/\//i.test(p.trackedLink.destinationUrl) ? [p.trackedLink.destinationUrl] : [],
    } },
  ];
}
