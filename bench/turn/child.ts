import { type ChildProcess, fork } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A bench process started with tsx and an IPC channel, and the JSON line it printed first. */
export async function startChild<T>(
  script: string,
  args: string[],
): Promise<{ child: ChildProcess; ready: T }> {
  // BENCH_CPU_PROF=<dir> writes each child's CPU profile there, to see where a turn's time goes.
  const profile = process.env.BENCH_CPU_PROF;
  const child = fork(script, args, {
    execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as T);
    });
  });
  return { child, ready };
}

/** Sends `message` and waits for the child's next reply. */
export function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    child.send(message);
  });
}

/** Asks the child to stop and waits for it to exit. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.send('stop');
  });
}
