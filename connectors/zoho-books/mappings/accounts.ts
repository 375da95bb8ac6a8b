/**
 * Zoho Books chart of accounts (`GET /chartofaccounts/{account_id}`, `POST /chartofaccounts`) →
 * ledgerspec Account (`accounts`).
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, enumValue } from '../../lib/values.js';
import { ACCOUNT_CATEGORY, field, zohoDateTime, zohoId, zohoText } from '../values.js';

/** The account under `account` in Zoho's response. */
export interface ZohoBooksAccount {
  account_id: string | number;
  account_name?: string;
  account_code?: string;
  account_type?: string;
  is_active?: boolean;
  /** The list endpoint's balance. */
  current_balance?: number;
  /** `GET /chartofaccounts/{account_id}` sends the balance as `closing_balance` instead. */
  closing_balance?: number;
  currency_id?: string | number;
  description?: string;
  /** `""` for a top-level account. */
  parent_account_id?: string | number;
  last_modified_time?: string;
}

export const read = mapRead<'accounts', ZohoBooksAccount>({
  platform_id: (raw) => zohoId(raw.account_id),
  name: (raw) => zohoText(raw.account_name),
  description: (raw) => zohoText(raw.description),
  nominal_code: (raw) => zohoText(raw.account_code),
  currency_id: (raw) => zohoText(raw.currency_id),
  business_unit_id: notSupported(
    'Zoho Books accounts belong to the whole organisation, not to a branch or business unit.',
  ),
  current_balance: (raw) => amount(raw.current_balance) ?? amount(raw.closing_balance),
  status: (raw) => (typeof raw.is_active === 'boolean' ? (raw.is_active ? 'Active' : 'Archived') : null),
  category: (raw) => enumValue(ACCOUNT_CATEGORY, raw.account_type, 'Unknown'),
  sub_category: (raw) => zohoText(raw.account_type),
  parent_account_id: (raw) => zohoText(raw.parent_account_id),
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/** `POST /chartofaccounts` body. */
export interface ZohoBooksAccountRequest {
  account_name?: string;
  account_code?: string;
  account_type?: string;
  currency_id?: string;
  description?: string;
  parent_account_id?: string;
}

/** The account_type Zoho gets when only the category is known: the catch-all type of each. */
const DEFAULT_TYPE: Readonly<Record<string, string>> = {
  Asset: 'other_asset',
  Liability: 'other_liability',
  Equity: 'equity',
  Income: 'income',
  Expense: 'expense',
};

/** sub_category is Zoho's own account_type when it names one; other platforms' words are not. */
function zohoType(subCategory: string | null | undefined): string | undefined {
  return subCategory && Object.hasOwn(ACCOUNT_CATEGORY, subCategory) ? subCategory : undefined;
}

export const write = mapWrite<'accounts', ZohoBooksAccountRequest>({
  name: (name) => field('account_name', name),
  description: (description) => field('description', description),
  nominal_code: (code) => field('account_code', code),
  currency_id: (id) => field('currency_id', id),
  business_unit_id: notSupported(
    'Zoho Books accounts belong to the whole organisation, not to a branch or business unit.',
  ),
  status: notSupported('Zoho creates accounts active; POST /chartofaccounts/{id}/inactive deactivates one afterwards.'),
  sub_category: (subCategory) => field('account_type', zohoType(subCategory)),
  // The category only chooses the type when sub_category does not name a Zoho type.
  category: (category, body) =>
    zohoType(body.sub_category) || !category ? undefined : field('account_type', DEFAULT_TYPE[category]),
  parent_account_id: (id) => field('parent_account_id', id),
});
