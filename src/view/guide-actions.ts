import type { Config } from '../model';
import type { StepAction } from '../guides/types';
import { deviceUrl, type Row } from './rows';
import { t } from './i18n';

type Opener = 'open-printer' | 'open-box-name' | 'open-box-ip';
const OPENERS: ReadonlySet<StepAction> = new Set<StepAction>(['open-printer', 'open-box-name', 'open-box-ip']);

/** What a page offers for the steps that are not "open the device": a label and what it does. */
export type OtherActions = Partial<Record<Exclude<StepAction, Opener>, { label: string; run(): void }>>;

/**
 * The buttons of a guide's steps, for one device: "open the device" steps open its page in a
 * tab (when its address is known), the others do what the page offers. Shared by the popup's
 * rows and the audit's guide dialog.
 */
export function guideActions(row: Row, config: Config, openUrl: (url: string) => void, others: OtherActions) {
  return {
    actionLabel(action: StepAction): string | undefined {
      if (OPENERS.has(action)) return deviceUrl(action, row, config) ? t(`ui_act_${action.replace(/-/g, '_')}`) : undefined;
      return others[action as Exclude<StepAction, Opener>]?.label;
    },
    onAction(action: StepAction): void {
      if (OPENERS.has(action)) {
        const url = deviceUrl(action, row, config);
        if (url) openUrl(url);
      } else others[action as Exclude<StepAction, Opener>]?.run();
    },
  };
}
