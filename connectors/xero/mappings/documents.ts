/**
 * Xero → ledgerspec Document (`documents`): an attachment of the Accounting API, as
 * `GET /<Collection>/{id}/Attachments` lists it (an element of `Attachments`) or a record embeds it
 * (`Invoices[].Attachments`), and as `PUT /<Collection>/{id}/Attachments/{FileName}` returns it.
 *
 * An attachment names the record it is on only in its `Url`
 * (`https://api.xero.com/api.xro/2.0/Invoices/4074292c-…/Attachments/foobar.jpg`): the collection
 * and the record's ID. That is what the documented payloads show, so the owner is read from it
 * rather than from the request path. Xero keeps sales invoices and bills in one collection
 * (Invoices), and sales and purchase credit notes in another (CreditNotes), so the kind is the
 * kind of the known record with that ID (`context.lookup`: the connector's fixtures in
 * conformance, the company's books in the sandbox); an ID no known record has, and attachments on
 * records that are no document here (contacts, accounts, bank transfers, quotes, repeating
 * invoices, expense claim receipts, bank transactions that are no expense), are Unknown, with the
 * record's ID kept.
 *
 * Uploads are the file's bytes as the request body (`application/octet-stream`), not JSON, so the
 * write mapping describes the request (collection, record, file name, content) for the connector
 * to send. Xero sets the file's type from its name: the xero-python recording uploads inv-0032.pdf
 * as application/octet-stream and Xero lists it as application/pdf.
 */
import { mapRead, mapWrite, notSupported, type ReadContext } from '../../../generated/connectors/index.js';
import type { DocumentCreate } from '../../../generated/types/index.js';
import { amount, text } from '../../lib/values.js';

/** Xero's Attachment object (xero_accounting.yaml `Attachment`). */
export interface XeroAttachment {
  AttachmentID: string;
  FileName?: string;
  /** `https://api.xero.com/api.xro/2.0/<Collection>/<record ID>/Attachments/<file name>`. */
  Url?: string;
  MimeType?: string;
  ContentLength?: number;
  IncludeOnline?: boolean;
}

type DocumentType = DocumentCreate['document_type'];

/** The record an attachment's Url names: its collection (lower case, as `invoices`) and ID. Xero
 * writes the collection plural in attachment lists and singular (`manualjournal`,
 * `banktransaction`) in attachments embedded in records. */
export function attachmentOwner(url: unknown): { collection: string; id: string } | null {
  const match = /\/api\.xro\/2\.0\/([A-Za-z]+)\/([^/]+)\/Attachments\//i.exec(text(url) ?? '');
  if (!match) return null;
  const collection = match[1]!.toLowerCase();
  return { collection: collection.endsWith('s') ? collection : `${collection}s`, id: decodeURIComponent(match[2]!) };
}

/** The kind of record the attachment is on (see the module comment). */
function documentType(raw: XeroAttachment, context: ReadContext): DocumentType {
  const owner = attachmentOwner(raw.Url);
  if (!owner) return 'Unknown';
  const known = (entity: Parameters<ReadContext['lookup']>[0]): boolean =>
    context.lookup(entity, 'platform_id', owner.id) !== undefined;
  switch (owner.collection) {
    case 'invoices':
      return known('invoices') ? 'Invoice' : known('bills') ? 'Bill' : 'Unknown';
    case 'creditnotes':
      return known('invoice_credit_notes')
        ? 'InvoiceCreditNote'
        : known('bill_credit_notes')
          ? 'BillCreditNote'
          : 'Unknown';
    case 'manualjournals':
      return 'JournalEntry';
    case 'purchaseorders':
      return 'PurchaseOrder';
    // Spend money is an expense (mappings/expenses.ts); other bank transactions are no document.
    case 'banktransactions':
      return known('expenses') ? 'Expense' : 'Unknown';
    default:
      return 'Unknown';
  }
}

export const read = mapRead<'documents', XeroAttachment>({
  platform_id: (raw) => raw.AttachmentID,
  file_name: (raw) => text(raw.FileName),
  // As Xero reports it (its documented examples say image/jpg as well as image/jpeg).
  file_type: (raw) => text(raw.MimeType),
  file_size: (raw) => amount(raw.ContentLength),
  document_type: (raw, context) => documentType(raw, context),
  document_type_id: (raw) => attachmentOwner(raw.Url)?.id ?? null,
  // ledgerspec's own cache state: a document just read from Xero has not been downloaded yet.
  document_uploaded: () => false,
  download_url: () => null,
  updated_at: notSupported(
    'Xero attachments carry no timestamps (AttachmentID, FileName, Url, MimeType, ContentLength, IncludeOnline only).',
  ),
});

/** The upload: `PUT /api.xro/2.0/<collection>/<record_id>/Attachments/<file_name>` with the file's
 * bytes as the body (Content-Type application/octet-stream). */
export interface XeroAttachmentRequest {
  endpoint?: { collection?: string; record_id?: string; file_name?: string };
  /** The file's bytes, base64-encoded; the connector decodes them into the body. */
  content_base64?: string;
}

/** The collection each kind of record takes attachments in: expenses are spend-money bank
 * transactions (mappings/expenses.ts). Xero has no sales orders, so those uploads are refused. */
const COLLECTION: Partial<Record<DocumentType, string>> = {
  Invoice: 'Invoices',
  Bill: 'Invoices',
  InvoiceCreditNote: 'CreditNotes',
  BillCreditNote: 'CreditNotes',
  PurchaseOrder: 'PurchaseOrders',
  JournalEntry: 'ManualJournals',
  Expense: 'BankTransactions',
};

export const write = mapWrite<'documents', XeroAttachmentRequest>({
  document_type: (type) => {
    const collection = COLLECTION[type];
    return collection === undefined ? undefined : { endpoint: { collection } };
  },
  document_type_id: (id) => (id ? { endpoint: { record_id: id } } : undefined),
  file_name: (name) => (name ? { endpoint: { file_name: name } } : undefined),
  file_type: notSupported(
    "Xero sets the type from the file name's extension; the body is sent as application/octet-stream.",
  ),
  base64_file: (content) => ({ content_base64: content }),
  file_size: notSupported('The size is that of the uploaded bytes; Xero takes no size.'),
});
