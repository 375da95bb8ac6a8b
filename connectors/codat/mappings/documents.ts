/**
 * Codat → ledgerspec Document (`documents`).
 *
 * Codat's Attachment (`GET /companies/{companyId}/connections/{connectionId}/data/{dataType}/{recordId}/attachments`
 * for invoices, bills, purchase orders, direct costs, direct incomes, customers and suppliers in
 * Codat's Accounting API 3.0 operation list; the Sync for Payables API's
 * `…/payables/bills/{billId}/attachments` returns the same record): id, name, contentType,
 * fileSize, dateCreated, includeWhenSent and the modified dates. The record does not name what it
 * is attached to: the request path does. The connector lists attachments per record, so it knows
 * that record and adds it to each attachment as `attachedTo` (Codat's own `{ dataType, id }`
 * reference shape); an attachment read without it (a bare documented response) has an Unknown
 * owner and no document_type_id.
 *
 * Uploads are `POST /companies/{companyId}/connections/{connectionId}/push/{dataType}/{recordId}/attachment`
 * (`…/push/bills/{billId}/attachments` for bills: Codat-Sync-Payables-v1 `upload-bill-attachment`;
 * Codat's "Upload attachments" guide lists bills, bill credit notes, direct costs, direct incomes,
 * invoices and transfers), multipart/form-data with the file in part `file`: there is no JSON
 * body, so the write mapping describes the request (the record in the path and the file part) for
 * the connector to send.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { DocumentCreate } from '../../../generated/types/index.js';
import { amount, dateTime, enumValue, text } from '../../lib/values.js';
import { sourceDate } from '../values.js';

/** The record an attachment was listed for: the `{dataType}` and `{recordId}` of the request path. */
export interface CodatAttachmentOwner {
  dataType?: string | null;
  id?: string | null;
}

/** Codat's Attachment as its API returns it, plus the record the connector listed it for. */
export interface CodatAttachment {
  id: string;
  name?: string | null;
  contentType?: string | null;
  fileSize?: number | null;
  dateCreated?: string | null;
  includeWhenSent?: boolean | null;
  modifiedDate?: string | null;
  sourceModifiedDate?: string | null;
  /** Added by the connector from the request path (see the module comment); Codat does not send it. */
  attachedTo?: CodatAttachmentOwner | null;
}

type DocumentType = DocumentCreate['document_type'];

/** Codat's data types that carry attachments → the kind of record the file is on. Direct incomes,
 * customers, suppliers and transfers have no unified document type: Unknown. */
const DOCUMENT_TYPE: Readonly<Record<string, DocumentType>> = {
  invoices: 'Invoice',
  bills: 'Bill',
  purchaseOrders: 'PurchaseOrder',
  directCosts: 'Expense',
  billCreditNotes: 'BillCreditNote',
};

export const read = mapRead<'documents', CodatAttachment>({
  platform_id: (raw) => raw.id,
  file_name: (raw) => text(raw.name),
  file_type: (raw) => text(raw.contentType),
  file_size: (raw) => amount(raw.fileSize),
  document_type: (raw) => enumValue(DOCUMENT_TYPE, raw.attachedTo?.dataType, 'Unknown') ?? 'Unknown',
  document_type_id: (raw) => text(raw.attachedTo?.id),
  // ledgerspec's own cache state: an attachment just listed has not been downloaded yet (Codat
  // serves the file from …/attachments/{attachmentId}/download on request).
  document_uploaded: () => false,
  download_url: () => null,
  // Attachments are not edited after upload: without a modified date, the upload date.
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate) ?? dateTime(raw.dateCreated),
});

/** The file part of the multipart form. */
export interface CodatFilePart {
  fileName?: string;
  contentType?: string;
  /** The file's bytes, base64-encoded; the connector decodes them into the part. */
  contentBase64?: string;
}

/** The attachment upload: `POST …/push/{dataType}/{recordId}/attachment` (bills: `…/attachments`)
 * with the file as form part `file`. */
export interface CodatAttachmentRequest {
  endpoint?: { dataType?: string; recordId?: string };
  file?: CodatFilePart;
}

/** Codat's upload endpoints by the kind of record the file goes on; other kinds (purchase orders
 * included: Codat lists their attachments but takes no upload) are refused. */
const DATA_TYPE: Partial<Record<DocumentType, string>> = {
  Invoice: 'invoices',
  Bill: 'bills',
  Expense: 'directCosts',
  BillCreditNote: 'billCreditNotes',
};

export const write = mapWrite<'documents', CodatAttachmentRequest>({
  document_type: (type) => {
    const dataType = DATA_TYPE[type];
    return dataType === undefined ? undefined : { endpoint: { dataType } };
  },
  document_type_id: (id) => (id ? { endpoint: { recordId: id } } : undefined),
  file_name: (name) => (name ? { file: { fileName: name } } : undefined),
  file_type: (type) => (type ? { file: { contentType: type } } : undefined),
  base64_file: (content) => ({ file: { contentBase64: content } }),
  file_size: notSupported('The size is that of the uploaded file; Codat takes no size field.'),
});
