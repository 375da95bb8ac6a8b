/**
 * Xero → ledgerspec Document (`documents`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Xero record as its API returns it. Declare the fields you map. */
export interface XeroDocument {
  [field: string]: unknown;
}

export const read = mapRead<'documents', XeroDocument>({
  document_type: todo(
    "What kind of record the file is attached to, or Unknown when the owning record's kind does not map.",
  ),
  document_type_id: todo(
    "The platform's ID for the record the file is attached to; which entity it points at depends on `document_type`.",
  ),
  document_uploaded: todo(
    'Whether the file itself has been fetched from the platform and cached, so that a download link can be issued; false until then.',
  ),
  download_url: todo(
    'A temporary link to download the file, present once the file has been fetched; it expires, so fetch it again rather than storing it.',
  ),
  file_name: todo("The file's name, including its extension."),
  file_size: todo("The file's size in bytes."),
  file_type: todo("The file's MIME type, for example application/pdf or image/png."),
  platform_id: todo("The accounting platform's ID for this document."),
  updated_at: todo('When the document was last changed on the accounting platform.'),
});

/** The body Xero expects when one is created. Declare the fields you send. */
export interface XeroDocumentRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'documents', XeroDocumentRequest>({
  base64_file: todo("The file's content, base64-encoded, when uploading a document; never returned on reads."),
  document_type: todo(
    "What kind of record the file is attached to, or Unknown when the owning record's kind does not map.",
  ),
  document_type_id: todo(
    "The platform's ID for the record the file is attached to; which entity it points at depends on `document_type`.",
  ),
  file_name: todo("The file's name, including its extension."),
  file_size: todo("The file's size in bytes."),
  file_type: todo("The file's MIME type, for example application/pdf or image/png."),
});
