/**
 * The request header proxy.ts sets to the path being rendered, replacing any
 * the request brought, so the root layout can mark the current page in its
 * navigation without client-side code.
 */
export const PATHNAME_HEADER = 'x-tend-pathname';
