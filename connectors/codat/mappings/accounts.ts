/**
 * Codat → ledgerspec Account (`accounts`).
 *
 * Codat's Account (`GET /companies/{companyId}/data/accounts/{accountId}`): one nominal account,
 * classified by `type` (Asset, Expense, Income, Liability, Equity, Unknown) and by
 * `fullyQualifiedCategory`, the type followed by the platform's own finer classification
 * (`Asset.Current`, `Liability.AcctPay`). Codat's chart of accounts is flat: no parent account.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { Account } from '../../../generated/types/index.js';
import { amount, enumValue, text } from '../../lib/values.js';
import { isDeleted, sourceDate, type CodatMetadata } from '../values.js';

/** The Codat Account as its API returns it. */
export interface CodatAccount {
  id: string;
  nominalCode?: string | null;
  name?: string | null;
  description?: string | null;
  /** The type, then the platform's own classification, dot-separated. */
  fullyQualifiedCategory?: string | null;
  fullyQualifiedName?: string | null;
  /** ISO 4217 code. */
  currency?: string | null;
  currentBalance?: number | null;
  type?: string | null;
  status?: string | null;
  isBankAccount?: boolean;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

const CATEGORIES: Readonly<Record<string, NonNullable<Account['category']>>> = {
  Asset: 'Asset',
  Expense: 'Expense',
  Income: 'Income',
  Liability: 'Liability',
  Equity: 'Equity',
  Unknown: 'Unknown',
};

/** Codat's account status; `Pending` (not yet in use) is neither active nor archived. */
const STATUSES: Readonly<Record<string, NonNullable<Account['status']>>> = {
  Active: 'Active',
  Archived: 'Archived',
  Pending: 'Unknown',
  Unknown: 'Unknown',
};

/** `fullyQualifiedCategory` without its first segment (the type): the platform's own class. */
function subCategory(value: unknown): string | null {
  const full = text(value);
  if (full === null || !full.includes('.')) return null;
  return text(full.slice(full.indexOf('.') + 1).trim());
}

export const read = mapRead<'accounts', CodatAccount>({
  business_unit_id: notSupported("Codat's Account has no subsidiary or business unit."),
  category: (raw) => enumValue(CATEGORIES, raw.type, 'Unknown'),
  // Codat names currencies by ISO code; so do the currency_id foreign keys of its records.
  currency_id: (raw) => text(raw.currency),
  current_balance: (raw) => amount(raw.currentBalance),
  description: (raw) => text(raw.description),
  name: (raw) => text(raw.name),
  nominal_code: (raw) => text(raw.nominalCode),
  parent_account_id: notSupported("Codat's chart of accounts is flat: an Account names no parent."),
  platform_id: (raw) => raw.id,
  // A deleted account (Codat keeps returning it, flagged) is no longer in use.
  status: (raw) => (isDeleted(raw.metadata) ? 'Archived' : enumValue(STATUSES, raw.status, 'Unknown')),
  sub_category: (raw) => subCategory(raw.fullyQualifiedCategory),
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
});

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/accounts. */
export interface CodatAccountRequest {
  nominalCode?: string;
  name?: string;
  description?: string;
  fullyQualifiedCategory?: string;
  currency?: string;
  type?: string;
  status?: string;
}

export const write = mapWrite<'accounts', CodatAccountRequest>({
  business_unit_id: notSupported("Codat's Account has no subsidiary or business unit."),
  // Codat classifies a new account by fullyQualifiedCategory: the type, then the finer class.
  category: (value, body) =>
    value === null
      ? undefined
      : { type: value, fullyQualifiedCategory: body.sub_category ? `${value}.${body.sub_category}` : value },
  currency_id: (value) => (value === null ? undefined : { currency: value }),
  description: (value) => (value === null ? undefined : { description: value }),
  name: (value) => (value === null ? undefined : { name: value }),
  nominal_code: (value) => (value === null ? undefined : { nominalCode: value }),
  parent_account_id: notSupported("Codat's chart of accounts is flat: an Account names no parent."),
  status: (value) => (value === null || value === 'Unknown' ? undefined : { status: value }),
  sub_category: (value, body) =>
    value === null || body.category ? undefined : { fullyQualifiedCategory: `Unknown.${value}` },
});
