/**
 * Xero → ledgerspec Account (`accounts`): Xero's Account (`GET /Accounts/{AccountID}`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { AccountCategory, AccountStatus } from '../../../generated/types/account.js';
import { enumValue, text } from '../../lib/values.js';
import { toXeroEnum, xeroDate } from '../values.js';

export interface XeroAccount {
  AccountID: string;
  Code?: string;
  Name?: string;
  Type?: string;
  Class?: string;
  Status?: string;
  Description?: string;
  TaxType?: string;
  CurrencyCode?: string;
  BankAccountNumber?: string;
  BankAccountType?: string;
  SystemAccount?: string;
  ReportingCode?: string;
  ReportingCodeName?: string;
  EnablePaymentsToAccount?: boolean;
  ShowInExpenseClaims?: boolean;
  HasAttachments?: boolean;
  AddToWatchlist?: boolean;
  UpdatedDateUTC?: string;
}

type Category = NonNullable<AccountCategory>;
type Status = NonNullable<AccountStatus>;

/** Xero's account Class; REVENUE is what ledgerspec calls Income. */
const CATEGORIES: Record<string, Category> = {
  ASSET: 'Asset',
  EQUITY: 'Equity',
  EXPENSE: 'Expense',
  LIABILITY: 'Liability',
  REVENUE: 'Income',
};

/**
 * Xero derives Class from Type; when a response leaves Class out (the documented /Accounts list
 * sends only Type), the Type still says which class the account is in.
 */
const CATEGORY_OF_TYPE: Record<string, Category> = {
  BANK: 'Asset',
  CURRENT: 'Asset',
  FIXED: 'Asset',
  INVENTORY: 'Asset',
  NONCURRENT: 'Asset',
  PREPAYMENT: 'Asset',
  CURRLIAB: 'Liability',
  LIABILITY: 'Liability',
  TERMLIAB: 'Liability',
  PAYGLIABILITY: 'Liability',
  SUPERANNUATIONLIABILITY: 'Liability',
  WAGESPAYABLELIABILITY: 'Liability',
  EQUITY: 'Equity',
  DEPRECIATN: 'Expense',
  DIRECTCOSTS: 'Expense',
  EXPENSE: 'Expense',
  OVERHEADS: 'Expense',
  SUPERANNUATIONEXPENSE: 'Expense',
  WAGESEXPENSE: 'Expense',
  OTHERINCOME: 'Income',
  REVENUE: 'Income',
  SALES: 'Income',
};

/** DELETED accounts are no longer usable, which is what Archived means in ledgerspec. */
const STATUSES: Record<string, Status> = { ACTIVE: 'Active', ARCHIVED: 'Archived', DELETED: 'Archived' };
const TO_STATUS = { Active: 'ACTIVE', Archived: 'ARCHIVED' } as const;

/** Xero's account Types (its AccountType enum); sub_category carries them on reads. */
const XERO_TYPES = new Set([
  'BANK',
  'CURRENT',
  'CURRLIAB',
  'DEPRECIATN',
  'DIRECTCOSTS',
  'EQUITY',
  'EXPENSE',
  'FIXED',
  'INVENTORY',
  'LIABILITY',
  'NONCURRENT',
  'OTHERINCOME',
  'OVERHEADS',
  'PREPAYMENT',
  'REVENUE',
  'SALES',
  'TERMLIAB',
  'PAYG',
]);

/** Xero derives Class from Type, so a category alone is written as the plainest Type of it. */
const TYPE_OF_CATEGORY = {
  Asset: 'CURRENT',
  Equity: 'EQUITY',
  Expense: 'EXPENSE',
  Liability: 'CURRLIAB',
  Income: 'REVENUE',
} as const;

const NO_BUSINESS_UNITS = 'A Xero organisation has no business units or subsidiaries.';
const NO_BALANCE = "Xero's Account carries no balance; balances come from the reports (Trial Balance).";
const FLAT_CHART = "Xero's chart of accounts is flat: accounts have no parent.";

export const read = mapRead<'accounts', XeroAccount>({
  business_unit_id: notSupported(NO_BUSINESS_UNITS),
  category: (raw) =>
    enumValue<Category>(CATEGORIES, raw.Class, 'Unknown') ?? enumValue<Category>(CATEGORY_OF_TYPE, raw.Type, 'Unknown'),
  // Only bank accounts name a currency; other accounts are kept in the base currency.
  currency_id: (raw) => text(raw.CurrencyCode),
  current_balance: notSupported(NO_BALANCE),
  description: (raw) => text(raw.Description),
  name: (raw) => text(raw.Name),
  nominal_code: (raw) => text(raw.Code),
  parent_account_id: notSupported(FLAT_CHART),
  platform_id: (raw) => raw.AccountID,
  status: (raw) => enumValue<Status>(STATUSES, raw.Status, 'Unknown'),
  sub_category: (raw) => text(raw.Type),
  updated_at: (raw) => xeroDate(raw.UpdatedDateUTC),
});

/** The create body of `PUT /Accounts` (a single Account). */
export interface XeroAccountRequest {
  Code?: string;
  Name?: string;
  Type?: string;
  Description?: string;
  CurrencyCode?: string;
  Status?: string;
}

export const write = mapWrite<'accounts', XeroAccountRequest>({
  business_unit_id: notSupported(NO_BUSINESS_UNITS),
  // Used only when sub_category is not a Xero Type (Type is required; Class is read-only).
  category: (category, body) => {
    if (body.sub_category && XERO_TYPES.has(body.sub_category)) return undefined;
    const type = toXeroEnum(TYPE_OF_CATEGORY, category);
    return type ? { Type: type } : undefined;
  },
  currency_id: (code) => (code ? { CurrencyCode: code } : undefined),
  description: (description) => (description ? { Description: description } : undefined),
  name: (name) => (name ? { Name: name } : undefined),
  nominal_code: (code) => (code ? { Code: code } : undefined),
  parent_account_id: notSupported(FLAT_CHART),
  status: (status) => {
    const xero = toXeroEnum(TO_STATUS, status);
    return xero ? { Status: xero } : undefined;
  },
  sub_category: (type) => (type && XERO_TYPES.has(type) ? { Type: type } : undefined),
});
