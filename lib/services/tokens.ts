import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** Tokens sent in links: 32 random bytes, base64url; only their sha256 is ever stored. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
