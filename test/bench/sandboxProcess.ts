import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The sandbox in its own process, so its arrival times are not those of the client's event loop. */
export async function startSandboxProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [join(__dirname, '../../sandbox/cli.js'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill();
  };
  process.once('exit', stop);
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening`)));
    lines.on('line', (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  lines.close();
  child.stdout.resume();
  return { url, stop };
}
