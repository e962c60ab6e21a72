/** One problem in one row of an imported file. `code` is a key in the `errors` namespace. */
export type RowError = { row: number; column?: string; code: string; values?: Record<string, string | number> };
