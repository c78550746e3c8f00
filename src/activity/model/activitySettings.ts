import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';

// The `partnerCenter.activity.*` settings (spec §9), validated on their own so the main settings schema
// stays as it is. A bad value is a clear problem naming the setting, never a silent clamp.

export interface ActivitySettings {
  /** How many days back the Activity view reads (1–90). */
  readonly days: number;
  /** Refresh what changed every this many minutes; 0 = never (0–1440). */
  readonly pollMinutes: number;
  /** A last full load older than this many days makes Refresh what changed refresh the whole view (1–30). */
  readonly fullRefreshDays: number;
}

const ranges = {
  days: { min: 1, max: 90, default: 7 },
  pollMinutes: { min: 0, max: 1440, default: 0 },
  fullRefreshDays: { min: 1, max: 30, default: 7 },
} as const;

export const DEFAULT_ACTIVITY_SETTINGS: ActivitySettings = { days: 7, pollMinutes: 0, fullRefreshDays: 7 };

export type RawActivitySettings = Partial<Record<keyof ActivitySettings, unknown>>;

export function parseActivitySettings(raw: RawActivitySettings): { ok: true; settings: ActivitySettings } | { ok: false; problems: string[] } {
  const settings: Record<string, number> = {};
  const problems: string[] = [];
  for (const [key, range] of Object.entries(ranges) as [keyof ActivitySettings, (typeof ranges)[keyof ActivitySettings]][]) {
    const value = raw[key] ?? range.default;
    const parsed = z.safeParse(z.int().check(z.minimum(range.min), z.maximum(range.max)), value);
    if (parsed.success) settings[key] = parsed.data;
    else problems.push(l10n.t('partnerCenter.activity.{0}: expected a whole number from {1} to {2}.', key, range.min, range.max));
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings: settings as unknown as ActivitySettings };
}
