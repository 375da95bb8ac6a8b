/**
 * Xero → ledgerspec InvoiceCreditNote (`invoice_credit_notes`): Xero's CreditNote with
 * `Type: ACCRECCREDIT` (a credit to a customer). `/CreditNotes` also lists purchase credit notes
 * (ACCPAYCREDIT, bill_credit_notes): those are left out here with the reason.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { text } from '../../lib/values.js';
import {
  allocatedDocuments,
  COMPUTED,
  creditNoteLines,
  creditNoteRead,
  creditNoteWrite,
  NOT_ALLOCATED_ON_CREATE,
  otherCreditNotes,
  type XeroCreditNote,
  type XeroCreditNoteRequest,
} from '../credit_notes.js';

export const read = mapRead<'invoice_credit_notes', XeroCreditNote>(
  {
    platform_id: creditNoteRead.platform_id,
    contact_id: creditNoteRead.contact_id,
    currency_id: creditNoteRead.currency_id,
    // The invoices the credit is allocated to (refunds paid out of it are Payments, not invoices).
    invoice_ids: (raw) => allocatedDocuments(raw),
    document_number: creditNoteRead.document_number,
    posted_date: creditNoteRead.posted_date,
    status: creditNoteRead.status,
    tax_amount: creditNoteRead.tax_amount,
    total_amount: creditNoteRead.total_amount,
    remaining_credit: creditNoteRead.remaining_credit,
    // Reference ("ACCRECCREDIT only – additional reference number") is the free text a sales
    // credit note carries besides its number.
    memo: (raw) => text(raw.Reference),
    line_items: (raw, context) => creditNoteLines(raw, 'InvoiceCreditNote', context),
    updated_at: creditNoteRead.updated_at,
  },
  { skip: otherCreditNotes('ACCRECCREDIT') },
);

const write_ = creditNoteWrite('ACCRECCREDIT');

export const write = mapWrite<'invoice_credit_notes', XeroCreditNoteRequest>({
  contact_id: write_.contact_id,
  currency_id: write_.currency_id,
  invoice_ids: notSupported(NOT_ALLOCATED_ON_CREATE),
  document_number: write_.document_number,
  posted_date: write_.posted_date,
  status: write_.status,
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  memo: (memo) => (memo ? { Reference: memo } : undefined),
  line_items: write_.line_items,
});
