import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { readMigrations } from './migrate';

/**
 * The SQL that takes a database built from the migrations folder to the state
 * `schema.prisma` describes — empty when they agree. Computed by Prisma's own
 * schema engine (the official WASM build), replaying the migrations into a
 * throw-away in-memory PGlite shadow database, so no server and no native
 * engine are needed.
 */
export async function diffMigrationsToSchema(options: { schemaPath: string; migrationsDir: string }): Promise<string> {
  const engineModule = await loadSchemaEngine();
  const schema = await readFile(options.schemaPath, 'utf8');
  const migrations = await readMigrations(options.migrationsDir);
  const main = new PGlite();
  const shadows: PGlite[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory(
    scriptSafeFactory(main, () => {
      const shadow = new PGlite();
      shadows.push(shadow);
      return shadow;
    }) as never,
  );
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: [[options.schemaPath, schema]] },
    () => {},
    factory,
  );
  try {
    const result = await engine.diff({
      from: {
        tag: 'migrations',
        baseDir: options.migrationsDir,
        lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
        shadowDbInitScript: '',
        migrationDirectories: migrations.map((m) => ({
          path: m.name,
          migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
        })),
      },
      to: { tag: 'schemaDatamodel', files: [{ path: options.schemaPath, content: schema }] },
      script: true,
      exitCode: false,
      filters: { externalTables: [], externalEnums: [] },
    });
    const script = (result.stdout ?? '').trim();
    // An empty diff comes back as a comment only.
    return script.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--')) ? '' : `${script}\n`;
  } finally {
    engine.free();
    await Promise.all([main, ...shadows].map((db) => db.close().catch(() => {})));
  }
}

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm');

/** The package is built for bundlers; in Node its WASM is instantiated by hand. */
async function loadSchemaEngine(): Promise<SchemaEngineModule> {
  const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as SchemaEngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const require = createRequire(import.meta.url);
  const wasmFile = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(await readFile(wasmFile), {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return bg;
}

/**
 * pglite-prisma-adapter's executeScript does not wait for the script to run and
 * its shadow databases are never closed; this factory fixes both for the engine.
 */
function scriptSafeFactory(main: PGlite, newShadow: () => PGlite) {
  const fix = async (client: PGlite) => {
    const adapter = await new PrismaPGlite(client).connect();
    adapter.executeScript = async (script: string) => {
      await client.exec(script);
    };
    return adapter;
  };
  const base = new PrismaPGlite(main);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => fix(main),
    connectToShadowDb: () => fix(newShadow()),
  };
}
