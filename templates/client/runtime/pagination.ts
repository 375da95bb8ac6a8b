/** What a list call returns: a page of records and the cursor to the next one. */
export interface PageLike<T> {
  data: T[];
  next?: string | null;
}

/** Every record of every page, fetching the next page only when the caller gets there. The
 * first page is read with `cursor` as given; each later one with the previous page's `next`. */
export async function* iterateRecords<T, P extends { cursor?: string }>(
  list: (params: P) => Promise<PageLike<T>>,
  params: P,
): AsyncGenerator<T, void, undefined> {
  let cursor = params.cursor;
  const seen = new Set<string>();
  for (;;) {
    const page = await list({ ...params, ...(cursor === undefined ? {} : { cursor }) });
    yield* page.data;
    if (!page.next) return;
    // A server that hands back a cursor it already gave would loop forever; stop instead.
    if (seen.has(page.next)) throw new Error(`pagination loop: cursor ${JSON.stringify(page.next)} came back twice`);
    seen.add(page.next);
    cursor = page.next;
  }
}

/** Every record of every page, in one array. */
export async function collectRecords<T, P extends { cursor?: string }>(
  list: (params: P) => Promise<PageLike<T>>,
  params: P,
): Promise<T[]> {
  const records: T[] = [];
  for await (const record of iterateRecords(list, params)) records.push(record);
  return records;
}
