/**
 * What QBO stores for the creates of the entities added with the reports (documents): its
 * documented answers echo the request, with the fields QBO adds.
 */
import type { StoreContext } from '../../generated/connectors/index.js';
import type { QuickBooksOnlineDocumentRequest } from './mappings/documents.js';

/** The bytes a base64 string holds. */
function decodedSize(content: string): number {
  const padding = content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0;
  return Math.floor((content.length * 3) / 4) - padding;
}

/** An uploaded file as QBO answers the upload ("Upload attachments" response example): the
 * metadata part echoed, each link with `IncludeOnSend: false`, the size of the content. */
export function storedDocument(request: QuickBooksOnlineDocumentRequest, { platformId, now }: StoreContext) {
  const metadata = request.file_metadata_0 ?? {};
  return {
    SyncToken: '0',
    domain: 'QBO',
    ...(metadata.AttachableRef
      ? { AttachableRef: metadata.AttachableRef.map((link) => ({ IncludeOnSend: false, ...link })) }
      : {}),
    MetaData: { CreateTime: now, LastUpdatedTime: now },
    sparse: false,
    ...(metadata.ContentType ? { ContentType: metadata.ContentType } : {}),
    ...(metadata.FileName ? { FileName: metadata.FileName } : {}),
    Id: platformId,
    Size: decodedSize(request.file_content_0?.content_base64 ?? ''),
  };
}
