import 'server-only';
import { headers } from 'next/headers';
import { PATHNAME_HEADER } from './pathname';

/** The path being rendered, as proxy.ts recorded it; '' where no proxy ran. */
export async function currentPathname(): Promise<string> {
  return (await headers()).get(PATHNAME_HEADER) ?? '';
}
