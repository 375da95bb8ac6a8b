/**
 * Codat → ledgerspec Expense (`expenses`).
 *
 * Codat's Direct cost (`GET /companies/{companyId}/connections/{connectionId}/data/directCosts/{directCostId}`):
 * spending paid at once (QuickBooks Online purchases, Xero spend money, card transactions), with
 * lines and `paymentAllocations` naming the bank or card account the money left. A direct cost with
 * a negative total is money coming back (a refund from the payee): not spending, so left out.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, dateTime, text } from '../../lib/values.js';
import { documentTotals, lineItems, toLineItems, toSubTotal, type CodatLineItem } from '../lines.js';
import { codatDate, rate, sourceDate, type CodatMetadata } from '../values.js';

/** One allocation of a direct cost: the payment (the account it was paid from) and its amount. */
export interface CodatDirectCostAllocation {
  payment?: {
    id?: string | null;
    note?: string | null;
    reference?: string | null;
    accountRef?: { id?: string | null; name?: string | null } | null;
    currency?: string | null;
    currencyRate?: number | null;
    paidOnDate?: string | null;
    totalAmount?: number | null;
  } | null;
  allocation?: {
    currency?: string | null;
    currencyRate?: number | null;
    allocatedOnDate?: string | null;
    totalAmount?: number | null;
  } | null;
}

/** The Codat Direct cost as its API returns it. */
export interface CodatDirectCost {
  id?: string;
  reference?: string | null;
  note?: string | null;
  contactRef?: { id: string; dataType?: 'customers' | 'suppliers' | null } | null;
  issueDate?: string | null;
  currency?: string | null;
  currencyRate?: number | null;
  lineItems?: CodatLineItem[] | null;
  paymentAllocations?: CodatDirectCostAllocation[] | null;
  subTotal?: number | null;
  taxAmount?: number | null;
  totalAmount?: number | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

/** The one account the direct cost was paid from; null when none or several. */
function paidFrom(raw: CodatDirectCost): string | null {
  const accounts = new Set(
    (raw.paymentAllocations ?? [])
      .map((entry) => text(entry.payment?.accountRef?.id))
      .filter((id): id is string => id !== null),
  );
  return accounts.size === 1 ? ([...accounts][0] ?? null) : null;
}

const NO_MODE = "Codat's direct cost has no payment method.";
const NO_DISCOUNT =
  "Codat's direct cost push has no document-level discount: a discount is pushed on its lines (discountAmount), and read back as their sum.";

function totals(raw: CodatDirectCost) {
  return documentTotals(raw.lineItems, raw.subTotal, raw.taxAmount, raw.totalAmount);
}

export const read = mapRead<'expenses', CodatDirectCost>(
  {
    account_id: (raw) => paidFrom(raw),
    contact_id: (raw) => text(raw.contactRef?.id),
    currency_id: (raw) => text(raw.currency),
    // Base units per unit of the expense's currency already (see `rate`).
    currency_rate: (raw) => rate(raw.currencyRate),
    document_number: (raw) => text(raw.reference),
    line_items: (raw) => lineItems(raw.lineItems, { type: 'Expense', tax: raw.taxAmount }),
    memo: (raw) => text(raw.note),
    payment_mode: notSupported(NO_MODE),
    platform_id: (raw) => text(raw.id) ?? undefined,
    posted_date: (raw) => dateTime(raw.issueDate),
    // Codat's subTotal is after the lines' discounts: they are added back.
    sub_total: (raw) => totals(raw).sub_total,
    tax_amount: (raw) => totals(raw).tax_amount,
    total_amount: (raw) => amount(raw.totalAmount),
    // The sum of the lines' discounts (Codat's direct cost has no totalDiscount).
    total_discount: (raw) => totals(raw).total_discount,
    updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
  },
  {
    skip: (raw) => {
      const total = amount(raw.totalAmount);
      return total !== null && total < 0
        ? `a negative direct cost (totalAmount ${total}): money back from the payee, not spending`
        : undefined;
    },
  },
);

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/directCosts. */
export interface CodatDirectCostRequest {
  reference?: string;
  note?: string;
  contactRef?: { id: string; dataType?: 'suppliers' };
  issueDate?: string;
  currency?: string;
  currencyRate?: number;
  lineItems?: CodatLineItem[];
  paymentAllocations?: CodatDirectCostAllocation[];
  subTotal?: number;
  taxAmount?: number;
  totalAmount?: number;
}

export const write = mapWrite<'expenses', CodatDirectCostRequest>({
  // Paid in full from the account, on the day of the expense.
  account_id: (value, body) =>
    value === null
      ? undefined
      : {
          paymentAllocations: [
            {
              payment: {
                accountRef: { id: value },
                ...(body.total_amount != null ? { totalAmount: body.total_amount } : {}),
              },
              allocation: { ...(body.total_amount != null ? { totalAmount: body.total_amount } : {}) },
            },
          ],
        },
  // Codat's direct costs are paid to suppliers.
  contact_id: (value) => (value === null ? undefined : { contactRef: { id: value, dataType: 'suppliers' } }),
  currency_id: (value) => (value === null ? undefined : { currency: value }),
  currency_rate: (value) => (value === null ? undefined : { currencyRate: value }),
  document_number: (value) => (value === null ? undefined : { reference: value }),
  line_items: (value) => ({ lineItems: toLineItems(value) }),
  memo: (value) => (value === null ? undefined : { note: value }),
  payment_mode: notSupported(NO_MODE),
  // The calendar date as written, without a zone (Codat reads it as the business's local date).
  posted_date: (value) => (value === null ? undefined : { issueDate: codatDate(value) }),
  // Codat's subTotal is after the lines' discounts.
  sub_total: (value, body) => (value === null ? undefined : { subTotal: toSubTotal(value, body, false) }),
  tax_amount: (value) => (value === null ? undefined : { taxAmount: value }),
  total_amount: (value) => (value === null ? undefined : { totalAmount: value }),
  total_discount: notSupported(NO_DISCOUNT),
});
