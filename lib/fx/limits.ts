/** Upload limits of the rates import, shared by the form (checks before sending) and the server. */
export const MAX_RATES_FILE_BYTES = 1024 * 1024;
export const MAX_RATE_ROWS = 20_000;
