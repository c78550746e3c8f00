import { useWorkbench } from './workbench';

describe('the Partner Center view in a French workbench', () => {
  const workbench = useWorkbench({ locale: 'fr' });

  it('shows the French titles of the view container, the view and the commands', async () => {
    await workbench().openPartnerCenter(); // finds the tab and the view by their French titles
    await workbench().commandPaletteEntry(workbench().commandTitle('command.showLog'));
    await workbench().screenshot('french-view-and-palette');
    await workbench().page.keyboard.press('Escape');
  });
});
