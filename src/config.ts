import * as vscode from 'vscode';
import { PartnerCenterError } from './api/errors';
import { type RawSettings, SETTING_KEYS, type Settings, type SettingsResult, parseSettings } from './settings';

/**
 * The `partnerCenter.*` settings, read and validated once per change. Everything else asks this store
 * instead of reading the configuration itself, so all parts see the same validated values.
 */
export class ConfigStore implements vscode.Disposable {
  private result: SettingsResult = parseSettings(readRaw());
  private readonly changed = new vscode.EventEmitter<{ previous: SettingsResult; current: SettingsResult }>();
  private readonly subscription: vscode.Disposable;

  /** Fires after the settings changed (valid or not); listeners compare `previous` and `current`. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('partnerCenter')) this.reload();
    });
  }

  /** Re-reads and re-validates the settings and tells the listeners. */
  reload(): void {
    const previous = this.result;
    this.result = parseSettings(readRaw());
    this.changed.fire({ previous, current: this.result });
  }

  get current(): SettingsResult {
    return this.result;
  }

  /** The valid settings, or a `settings` PartnerCenterError listing every problem: nothing is sent with bad settings. */
  require(): Settings {
    if (this.result.ok) return this.result.settings;
    throw new PartnerCenterError({
      kind: 'settings',
      summary: vscode.l10n.t('Invalid Partner Center settings: {0}', this.result.problems.join(' ')),
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function readRaw(): RawSettings {
  const configuration = vscode.workspace.getConfiguration('partnerCenter');
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, configuration.get(key)])) as RawSettings;
}
