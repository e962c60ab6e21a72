// The ОРД seen by the rest of Twoway: register the contract chain, the pads and the creative (whose
// answer carries the erid the post must show), upload its media and report monthly statistics.
// Every write is keyed by an external id Twoway chooses, so repeating a call after a timeout or a
// crash updates the same object. One implementation per operator (VkOrdClient); tests run it against
// the local stand-in (lib/ord/standin.ts). Without a key there is no client: lib/ord/export.ts
// writes the same data for a manual upload.
import type { OrdContract, OrdCreative, OrdPad, OrdPerson, OrdStatisticsItem } from "./schemas";

/** What was sent and what the operator answered, for the placement's history ("show what was sent"). */
export type OrdExchange = {
  method: string;
  path: string;
  status: number;
  sent: unknown;
  answered: unknown;
  attempts: number;
};

export type OrdWriteResult = {
  externalId: string;
  /** True when the operator created the object, false when it updated one it had. */
  created: boolean;
  /** The operator's informational messages (e.g. unknown fields ignored). */
  messages: string[];
  exchange: OrdExchange;
};

export type OrdCreativeResult = OrdWriteResult & { erid: string };
export type OrdMediaResult = { externalId: string; sha256: string; exchange: OrdExchange };
export type OrdStatisticsResult = { externalIds: string[]; exchange: OrdExchange };

export const ordObjectKinds = ["person", "contract", "pad", "creative", "invoice", "statistics"] as const;
export type OrdObjectKind = (typeof ordObjectKinds)[number];
/** Processing at the operator and the state register (ЕРИР): processing → verified or bad. */
export type OrdRegistryStatus = { status: "processing" | "verified" | "bad"; messages: string[]; exchange: OrdExchange };

export interface OrdClient {
  readonly operator: "vk";
  registerPerson(person: OrdPerson): Promise<OrdWriteResult>;
  registerContract(contract: OrdContract): Promise<OrdWriteResult>;
  registerPad(pad: OrdPad): Promise<OrdWriteResult>;
  uploadMedia(media: { externalId: string; fileName: string; contentType: string; bytes: Uint8Array }): Promise<OrdMediaResult>;
  registerCreative(creative: OrdCreative): Promise<OrdCreativeResult>;
  reportStatistics(items: OrdStatisticsItem[]): Promise<OrdStatisticsResult>;
  registryStatus(kind: OrdObjectKind, externalId: string): Promise<OrdRegistryStatus>;
}
