/** Upload limit of the OFAC SDN import, shared by the form (checks before sending) and the server. The full sdn.csv is ~5 MB. */
export const MAX_SDN_FILE_BYTES = 20 * 1024 * 1024;
