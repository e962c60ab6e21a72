// Russian registration numbers carry check digits; a typo is caught here instead of at the bank.

function digitsOf(value: string) {
  return [...value].map(Number);
}

function weighted(digits: number[], weights: number[]) {
  return (weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11) % 10;
}

/** ИНН: 10 digits (organisation) or 12 digits (individual, ИП, самозанятый), with valid check digits. */
export function isValidInn(value: string, length?: 10 | 12): boolean {
  if (!/^\d+$/.test(value) || (length && value.length !== length)) return false;
  const d = digitsOf(value);
  if (value.length === 10) return weighted(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  if (value.length === 12) {
    return weighted(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && weighted(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
  }
  return false;
}

/** ОГРН (13 digits, company) or ОГРНИП (15 digits, ИП): the last digit is the remainder check. */
export function isValidOgrn(value: string, length: 13 | 15): boolean {
  if (!/^\d+$/.test(value) || value.length !== length) return false;
  const body = BigInt(value.slice(0, -1));
  return Number((body % BigInt(length === 13 ? 11 : 13)) % 10n) === Number(value.at(-1));
}

/** КПП: 9 characters, 4 digits (tax office), 2 digits or capital letters (reason), 3 digits. */
export function isValidKpp(value: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(value);
}
