import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquirePgliteLock } from '../../../lib/db/pglite-lock';

const folder = () => path.join(mkdtempSync(path.join(tmpdir(), 'tend-lock-')), 'pglite');

describe('acquirePgliteLock', () => {
  it('holds <folder>.lock with this process id until released', () => {
    const dir = folder();
    const release = acquirePgliteLock(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => acquirePgliteLock(dir)).toThrow(/already open in this process/);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    acquirePgliteLock(dir)();
  });

  it('refuses while another running process holds it, naming that process', async () => {
    const dir = folder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
      expect(() => acquirePgliteLock(dir)).toThrow(new RegExp(`in use by process ${other.pid}`));
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock held by a zombie (exited, never reaped by its parent)', async () => {
    const dir = folder();
    // `sleep 0` exits at once; its parent then becomes `sleep 3`, which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 3']);
    const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    try {
      await expect.poll(() => readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /);
      writeFileSync(`${dir}.lock`, String(pid));
      const release = acquirePgliteLock(dir);
      expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
      release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that was killed', async () => {
    const dir = folder();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(`${dir}.lock`, String(gone.pid));
    const release = acquirePgliteLock(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
