// What the gate reads about a placement's channel (issue 17, part 5). Staff may type the subscriber
// count and the Roskomnadzor registry number on the placement; where they did not, the creator's
// channel in the directory (CreatorPlatform) answers, so a number recorded on the channel once
// clears every placement on it, and a channel's size counts without being copied by hand. A channel
// size of 0 is "not entered" in the directory, which the rule treats as unknown (not small).
import type { PlacementFacts } from "./check-rules";

export type ChannelRow = { audienceSize: number; rknRegistryNumber: string | null } | null;

type PlacementRow = Omit<PlacementFacts, "channelSubscribers" | "rknRegistryNumber"> & {
  channelSubscribers: number | null;
  rknRegistryNumber: string | null;
  creatorPlatform?: ChannelRow;
};

/** Where each channel fact came from, for the page: the placement itself or the directory's channel. */
export type ChannelFacts = PlacementFacts & { subscribersFrom: "placement" | "channel" | null; registryFrom: "placement" | "channel" | null };

export function withChannelFacts<P extends PlacementRow>(p: P): P & ChannelFacts {
  const channel = p.creatorPlatform ?? null;
  const channelSize = channel && channel.audienceSize > 0 ? channel.audienceSize : null;
  const channelNumber = channel?.rknRegistryNumber?.trim() || null;
  const ownNumber = p.rknRegistryNumber?.trim() || null;
  return {
    ...p,
    channelSubscribers: p.channelSubscribers ?? channelSize,
    rknRegistryNumber: ownNumber ?? channelNumber,
    subscribersFrom: p.channelSubscribers !== null ? "placement" : channelSize !== null ? "channel" : null,
    registryFrom: ownNumber ? "placement" : channelNumber ? "channel" : null,
  };
}

/** The select that brings the channel along with a placement. */
export const channelSelect = { creatorPlatform: { select: { audienceSize: true, rknRegistryNumber: true } } } as const;
