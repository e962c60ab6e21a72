/** The tax forms a partner can choose (TaxForm enum), in the order the portal lists them. Client-safe. */
export const taxForms = ["us_w9", "foreign_w8ben", "ru_self_employed", "ru_ip", "ru_company"] as const;
export type TaxFormCode = (typeof taxForms)[number];
