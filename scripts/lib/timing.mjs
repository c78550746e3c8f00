// Prints what a script is doing and how long each step took, so slow steps are visible in CI logs.
const started = Date.now();

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** Prints a progress line prefixed with the time since the script started. */
export function say(message) {
  console.log(`[${seconds(Date.now() - started).padStart(6)}] ${message}`);
}

/** Runs `work`, then prints its label with the duration; the label is printed first so a hang is visible. */
export async function step(label, work) {
  const t0 = Date.now();
  say(`${label}…`);
  const result = await work();
  say(`${label}: done in ${seconds(Date.now() - t0)}`);
  return result;
}
