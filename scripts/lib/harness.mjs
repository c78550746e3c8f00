// The outer shell of every harness script: stops everything it started on Ctrl+C, on errors and after an
// overall time cap (when `timeoutSeconds` is given), and exits with the code `main` returns (1 when it throws).
import { interruption, stopEverythingOnExit } from './processes.mjs';
import { say } from './timing.mjs';

export async function runHarness(name, { timeoutSeconds }, main) {
  stopEverythingOnExit((sig) => console.error(`\n${name}: ${sig}, stopping everything it started`));
  const timer = timeoutSeconds && setTimeout(() => {
    console.error(`\n${name}: timed out after ${timeoutSeconds}s (E2E_TIMEOUT_S); stopping everything`);
    process.exit(1); // the exit handler kills every process started here
  }, timeoutSeconds * 1000);
  let exitCode = 1;
  try {
    exitCode = await main();
  } catch (e) {
    console.error(`\n${name}: ${e instanceof Error ? e.message : e}`);
    if (process.env.E2E_VERBOSE === '1' && e instanceof Error) console.error(e.stack);
  }
  if (timer) clearTimeout(timer);
  if (interruption()) return; // the signal handler stops everything and exits with 128 + the signal
  say(`${name}: ${exitCode === 0 ? 'OK' : `FAILED (exit ${exitCode})`}`);
  process.exit(exitCode);
}
