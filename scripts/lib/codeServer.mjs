// Starts code-server (VS Code's server + web workbench) on a free loopback port with a throwaway profile:
// fresh user-data, extensions and XDG folders (code-server writes into $HOME otherwise), and settings that
// make the workbench quiet and deterministic.
import fs from 'node:fs';
import path from 'node:path';
import { startService, waitFor } from './processes.mjs';

/** Settings that keep a throwaway workbench quiet: no welcome page, telemetry, update checks, trust prompts or AI panes. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  // Two views share the Partner Center container: their title actions live in the pane headers, shown always.
  'workbench.view.alwaysShowHeaderActions': true,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** The settings that connect the extension to a sandbox at `sandboxUrl`, on top of the quiet ones. */
export function sandboxSettings(sandboxUrl) {
  return { ...QUIET_SETTINGS, 'partnerCenter.cloud': 'local', 'partnerCenter.localEndpoint': sandboxUrl };
}

/** The environment minus what would make code-server talk to another VS Code (it opens files in the
 * instance named by VSCODE_IPC_HOOK_CLI when started from a VS Code terminal). */
function cleanEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VSCODE_')));
}

/**
 * Registers an empty language pack for `locale` in the profile. Without a language pack code-server resolves
 * the display language to English whatever --locale says, so extensions would get `vscode.env.language`
 * 'en' and never read their package.nls.<locale>.json or l10n/bundle.l10n.<locale>.json. With this stub
 * they do, exactly as with a real pack; VS Code's own strings stay English (the pack translates nothing),
 * and nothing is downloaded.
 */
function registerStubLanguagePack(userDataDir, locale) {
  const translations = path.join(userDataDir, `stub-language-pack-${locale}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `stub-${locale}`,
      // The Display Language picker reads the first entry: it must exist, though no such extension is installed.
      extensions: [{ extensionIdentifier: { id: `partner-center-harness.stub-language-pack-${locale}` }, version: '1.0.0' }],
      translations: { vscode: translations },
      label: locale,
    },
  }));
}

const LISTENING = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Starts code-server under `runDir` and resolves once it answers /healthz.
 *  - `settings`: written to the profile's User/settings.json
 *  - `workspace`: the folder it opens
 *  - `smokeTestDriver`: lets the workbench URL's `payload` load a development extension and extension tests
 *  - `locale`: the display language (`--locale`; with a stub language pack, see registerStubLanguagePack)
 *  - `installedExtension`: an extension folder to link into the extensions folder, so it loads as if
 *    installed (no development-mode payload needed: the URL stays short for a person)
 */
export async function startCodeServer({ tools, runDir, settings, workspace, port = 0, smokeTestDriver = true, locale, installedExtension, echo = false }) {
  const dirs = Object.fromEntries(['user-data', 'extensions', 'config', 'data', 'cache'].map((name) => [name, path.join(runDir, name)]));
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (installedExtension) {
    const manifest = JSON.parse(fs.readFileSync(path.join(installedExtension, 'package.json'), 'utf8'));
    fs.symlinkSync(installedExtension, path.join(dirs.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`));
  }
  if (locale && !locale.startsWith('en')) registerStubLanguagePack(dirs['user-data'], locale);
  const config = path.join(runDir, 'code-server.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    '--config', config,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(locale ? ['--locale', locale] : []),
    workspace,
  ];
  const logFile = path.join(runDir, 'code-server.log');
  const service = startService(tools.codeServerBin, args, {
    cwd: runDir,
    logFile,
    echo,
    env: {
      ...cleanEnvironment(),
      PATH: `${tools.nodeBinDir}${path.delimiter}${process.env.PATH}`, // code-server runs on Node 24 only
      XDG_CONFIG_HOME: dirs.config,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      // No extension gallery: nothing to install, and no lookups of hosts these machines cannot reach.
      EXTENSIONS_GALLERY: '{}',
    },
  });
  let exit;
  void service.exited.then((e) => (exit = e));
  const failFast = () => {
    if (exit) throw new Error(`code-server exited (${exit.error?.message ?? `code ${exit.code}`}) before it was ready:\n${fs.readFileSync(logFile, 'utf8')}`);
  };
  // With port 0 code-server picks a free port itself and prints it: no race with another process.
  const url = await waitFor('code-server to listen', () => LISTENING.exec(fs.readFileSync(logFile, 'utf8'))?.[1],
    { timeoutMs: 60_000, failFast });
  await waitFor(`code-server to answer ${url}/healthz`, () =>
    fetch(`${url}/healthz`).then((r) => r.ok, () => false), { timeoutMs: 60_000, failFast });
  return { url, logFile, workspace, exited: service.exited };
}

/** The workbench URL for `folder`, with a payload loading `extensionDevelopmentPath` (and tests) in development mode. */
export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment }) {
  const remote = (absolutePath) => `vscode-remote://${new URL(serverUrl).host}${absolutePath}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
