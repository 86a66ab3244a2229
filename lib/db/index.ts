export { getDb, closeDb, Prisma, type Db } from './client';
export { resolveDatabaseTarget, describeTarget, type DatabaseTarget } from './target';
