/**
 * Zoho Books credit note (`GET /creditnotes/{creditnote_id}`, key `creditnote`; `POST /creditnotes`)
 * → ledgerspec InvoiceCreditNote (`invoice_credit_notes`).
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, list } from '../../lib/values.js';
import {
  creditStatus,
  dateField,
  field,
  lineItems,
  lineRequests,
  taxTotal,
  zohoDateTime,
  zohoId,
  zohoIds,
  zohoText,
  type ZohoLineItem,
  type ZohoLineItemRequest,
} from '../values.js';

/** The credit note under `creditnote` in Zoho's response. */
export interface ZohoBooksCreditNote {
  creditnote_id: string | number;
  creditnote_number?: string;
  date?: string;
  status?: string;
  customer_id?: string | number;
  currency_id?: string | number;
  is_inclusive_tax?: boolean;
  line_items?: ZohoLineItem[];
  taxes?: { tax_amount?: number }[];
  total?: number;
  /** What is left to apply or refund. */
  balance?: number;
  /** The invoices the credit was applied to (`invoice_id`, `credited_amount`). */
  invoices_credited?: { invoice_id?: string | number; credited_amount?: number }[];
  /** `GET /creditnotes/{id}` as documented lists the invoices credited here (`invoice_id`, `amount`). */
  invoices?: { invoice_id?: string | number; amount?: number }[];
  notes?: string;
  last_modified_time?: string;
  /** `GET /creditnotes/{id}` as documented names the last change `updated_time`. */
  updated_time?: string;
  /** Present on a refund of a credit note (`GET /creditnotes/{id}/refunds/{refund_id}`). */
  creditnote_refund_id?: string | number;
}

const COMPUTED = 'Zoho Books computes the totals of a credit note from its lines.';

export const read = mapRead<'invoice_credit_notes', ZohoBooksCreditNote>(
  {
    platform_id: (raw) => zohoId(raw.creditnote_id),
    contact_id: (raw) => zohoText(raw.customer_id),
    currency_id: (raw) => zohoText(raw.currency_id),
    invoice_ids: (raw) => [
      ...new Set(zohoIds([...list(raw.invoices_credited), ...list(raw.invoices)].map((invoice) => invoice.invoice_id))),
    ],
    document_number: (raw) => zohoText(raw.creditnote_number),
    posted_date: (raw) => zohoDateTime(raw.date),
    status: creditStatus,
    tax_amount: taxTotal,
    total_amount: (raw) => amount(raw.total),
    remaining_credit: (raw) => amount(raw.balance),
    memo: (raw) => zohoText(raw.notes),
    line_items: (raw) =>
      lineItems(raw.line_items, {
        type: 'InvoiceCreditNote',
        id: zohoText(raw.creditnote_id),
        inclusive: raw.is_inclusive_tax === true,
      }),
    updated_at: (raw) => zohoDateTime(raw.last_modified_time ?? raw.updated_time),
  },
  {
    skip: (raw) =>
      raw.creditnote_refund_id !== undefined
        ? 'a refund of a credit note (money paid to the customer), not a credit note'
        : undefined,
  },
);

/** `POST /creditnotes` body (with `?ignore_auto_number_generation=true` when a number is given). */
export interface ZohoBooksCreditNoteRequest {
  customer_id?: string;
  creditnote_number?: string;
  currency_id?: string;
  date?: string;
  is_draft?: boolean;
  notes?: string;
  line_items?: ZohoLineItemRequest[];
}

export const write = mapWrite<'invoice_credit_notes', ZohoBooksCreditNoteRequest>({
  contact_id: (id) => field('customer_id', id),
  currency_id: (id) => field('currency_id', id),
  invoice_ids: notSupported(
    'Zoho applies a credit note to invoices after creating it (POST /creditnotes/{id}/invoices), or to one invoice given as the ?invoice_id= query parameter, not in the body.',
  ),
  document_number: (number) => field('creditnote_number', number),
  posted_date: (date) => dateField('date', date),
  // Only a draft can be asked for; anything else is created open.
  status: (status) => (status === 'Draft' ? { is_draft: true } : undefined),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  memo: (memo) => field('notes', memo),
  line_items: (lines) => ({ line_items: lineRequests(lines) }),
});
