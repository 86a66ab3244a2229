import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * PGlite is single-process: two processes writing one data folder lose data.
 * Whoever opens the folder holds `<folder>.lock` (its process id) until it
 * closes or exits; a second process is refused with a clear message. A lock
 * left by a process that no longer runs (killed) is taken over.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => {
        process.off('exit', release);
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder === process.pid) {
        throw new Error(`The embedded database at ${dataDir} is already open in this process.`);
      }
      if (isRunning(holder)) {
        throw new Error(
          `The embedded database at ${dataDir} is in use by process ${holder} (PGlite allows one process). Stop that process first, or use a PostgreSQL server for several.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process whose parent is gone can linger as a zombie where nothing
  // reaps orphans (a container without an init): it answers signals but holds nothing.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (not Linux): trust the signal check
  }
}
