/** What a call returns: a promise of the parsed body that can also give the HTTP response, as
 * the Stainless-made SDKs do (`await client.x.list().withResponse()`). */

/** A successful call with what came with it. */
export interface WithResponse<T> {
  /** The parsed body: what awaiting the call itself gives. */
  body: T;
  /** The HTTP response, after the middleware: status, headers, url. Its body is already read. */
  response: Response;
  /** The response's request id: the envelope's `request_id`, else an `x-request-id` header. */
  requestId: string | undefined;
}

export type ApiPromise<T> = Promise<T> & {
  /** The same call's body together with its Response and request id. */
  withResponse(): Promise<WithResponse<T>>;
};

export function apiPromise<T>(answer: Promise<WithResponse<T>>): ApiPromise<T> {
  const body = answer.then(bodyOf) as ApiPromise<T>;
  body.withResponse = () => {
    // Whoever asks for the response handles a failure there; the body promise would otherwise
    // report the same failure as unhandled.
    body.catch(() => undefined);
    return answer;
  };
  return body;
}

function bodyOf<T>(answer: WithResponse<T>): T {
  return answer.body;
}
