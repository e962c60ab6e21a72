/** Interactive transactions here wait on advisory locks; give them room beyond Prisma's 5 s default. */
export const TX_OPTIONS = { timeout: 20_000, maxWait: 10_000 } as const;
