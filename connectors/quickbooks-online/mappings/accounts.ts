/**
 * QuickBooks Online → ledgerspec Account (`accounts`).
 *
 * QBO `Account` (`/v3/company/{realmId}/account/{id}`). `Classification` is the top-level category
 * (QBO derives it from `AccountType`); `AccountType` ("Bank", "Accounts Receivable", "Other Current
 * Asset") is the finer type kept as `sub_category`.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { MappedRecords } from '../../../generated/connectors/index.js';
import { amount, enumValue, flag, text } from '../../lib/values.js';
import { lastUpdated, qboId, ref, unlessNull, type QboEntity, type QboRef } from '../values.js';

/** The QBO Account as its API returns it. */
export interface QuickBooksOnlineAccount extends QboEntity {
  Name: string;
  SubAccount?: boolean;
  ParentRef?: QboRef;
  FullyQualifiedName?: string;
  Active?: boolean;
  Classification?: string;
  AccountType?: string;
  AccountSubType?: string;
  AcctNum?: string;
  Description?: string;
  CurrentBalance?: number;
  CurrentBalanceWithSubAccounts?: number;
  CurrencyRef?: QboRef;
}

const CATEGORIES: Readonly<Record<string, NonNullable<MappedRecords['accounts']['category']>>> = {
  Asset: 'Asset',
  Liability: 'Liability',
  Equity: 'Equity',
  Revenue: 'Income',
  Expense: 'Expense',
};

export const read = mapRead<'accounts', QuickBooksOnlineAccount>({
  business_unit_id: notSupported('QBO has no business units on accounts (one realm is one company).'),
  category: (raw) => enumValue(CATEGORIES, raw.Classification, 'Unknown'),
  currency_id: (raw) => ref(raw.CurrencyRef),
  current_balance: (raw) => amount(raw.CurrentBalance),
  description: (raw) => text(raw.Description),
  name: (raw) => text(raw.Name),
  nominal_code: (raw) => text(raw.AcctNum),
  parent_account_id: (raw) => ref(raw.ParentRef),
  platform_id: qboId,
  status: (raw) => (flag(raw.Active) === null ? null : raw.Active ? 'Active' : 'Archived'),
  sub_category: (raw) => text(raw.AccountType),
  updated_at: lastUpdated,
});

/** The body of POST /v3/company/{realmId}/account. */
export interface QuickBooksOnlineAccountRequest {
  Name?: string;
  AccountType?: string;
  AcctNum?: string;
  Description?: string;
  CurrencyRef?: QboRef;
  SubAccount?: boolean;
  ParentRef?: QboRef;
  Active?: boolean;
}

export const write = mapWrite<'accounts', QuickBooksOnlineAccountRequest>({
  business_unit_id: notSupported('QBO has no business units on accounts.'),
  category: notSupported('QBO derives Classification from AccountType (sub_category); it cannot be set.'),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  description: unlessNull((value: string) => ({ Description: value })),
  name: unlessNull((value: string) => ({ Name: value })),
  nominal_code: unlessNull((value: string) => ({ AcctNum: value })),
  parent_account_id: unlessNull((value: string) => ({ SubAccount: true, ParentRef: { value } })),
  status: (value) => (value === 'Archived' ? { Active: false } : undefined),
  sub_category: unlessNull((value: string) => ({ AccountType: value })),
});
