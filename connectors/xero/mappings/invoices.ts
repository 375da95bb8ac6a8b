/**
 * Xero → ledgerspec Invoice (`invoices`): Xero's Invoice object with `Type: ACCREC`.
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, list, text } from '../../lib/values.js';
import {
  documentStatus,
  lineItem,
  TO_XERO_STATUS,
  toXeroLineItem,
  type XeroInvoice,
  type XeroInvoiceRequest,
  subTotalBeforeDiscount,
  otherDocuments,
} from '../documents.js';
import { fromXeroRate, toXeroDate, toXeroEnum, toXeroRate, xeroDate } from '../values.js';

const NO_AR_ACCOUNT =
  'Xero posts every sales invoice to its one Accounts Receivable system account; the invoice does not name it.';
const NO_SALES_ORDERS = 'Xero has no sales orders (quotes are not linked to the invoices raised from them in the API).';
const COMPUTED = 'Xero computes the totals from the lines; they are read-only on its Invoice.';

export const read = mapRead<'invoices', XeroInvoice>(
  {
    account_id: notSupported(NO_AR_ACCOUNT),
    amount_due: (raw) => amount(raw.AmountDue),
    contact_id: (raw) => text(raw.Contact?.ContactID),
    currency_id: (raw) => text(raw.CurrencyCode),
    // Xero quotes foreign per base (1 on base-currency documents); the spec wants base per foreign.
    currency_rate: (raw) => fromXeroRate(raw.CurrencyRate),
    document_number: (raw) => text(raw.InvoiceNumber),
    due_date: (raw) => xeroDate(raw.DueDate),
    line_items: (raw, context) =>
      list(raw.LineItems).map((line) =>
        lineItem(line, raw.LineAmountTypes, { type: 'Invoice', id: raw.InvoiceID }, context),
      ),
    // Reference is the only free text Xero prints on a sales invoice (often the customer's PO).
    memo: (raw) => text(raw.Reference),
    platform_id: (raw) => raw.InvoiceID,
    posted_date: (raw) => xeroDate(raw.Date),
    sales_order_ids: notSupported(NO_SALES_ORDERS),
    status: (raw) => documentStatus(raw),
    sub_total: (raw) => subTotalBeforeDiscount(raw),
    tax_amount: (raw) => amount(raw.TotalTax),
    total_amount: (raw) => amount(raw.Total),
    total_discount: (raw) => amount(raw.TotalDiscount),
    updated_at: (raw) => xeroDate(raw.UpdatedDateUTC),
  },
  { skip: otherDocuments('ACCREC') },
);

export const write = mapWrite<'invoices', XeroInvoiceRequest>({
  account_id: notSupported(NO_AR_ACCOUNT),
  contact_id: (id) => (id ? { Contact: { ContactID: id } } : undefined),
  currency_id: (code) => (code ? { CurrencyCode: code } : undefined),
  currency_rate: (rate) => {
    const xero = toXeroRate(rate);
    return xero !== undefined ? { CurrencyRate: xero } : undefined;
  },
  document_number: (number) => (number ? { InvoiceNumber: number } : undefined),
  due_date: (date) => (date ? { DueDate: toXeroDate(date) } : undefined),
  // The lines always come (they are required), so they also carry the document type, and say
  // that their amounts are before tax as unified amounts are.
  line_items: (lines, _body, context) => ({
    Type: 'ACCREC',
    LineAmountTypes: 'Exclusive',
    LineItems: lines.map((line) => toXeroLineItem(line, context)),
  }),
  memo: (memo) => (memo ? { Reference: memo } : undefined),
  posted_date: (date) => (date ? { Date: toXeroDate(date) } : undefined),
  sales_order_ids: notSupported(NO_SALES_ORDERS),
  status: (status) => {
    const xero = toXeroEnum(TO_XERO_STATUS, status);
    return xero ? { Status: xero } : undefined;
  },
  sub_total: notSupported(COMPUTED),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  total_discount: notSupported(`${COMPUTED} Discounts are sent per line (DiscountAmount).`),
});
