/** The options page's data object and the actions its view sends back (options/main.tsx wires them). */
import type { ManagedConfig } from '../src/policy/types';
import type { ValidationError } from '../src/config/validate';
import type { BoxProposal, DiscoveryResult, OdooTab, PrinterProposal } from '../src/discovery/types';
import type { DeviceKind, DraftProblems, DraftValues, SettingsDraft } from './draft';

export type DiscoveryView =
  | { step: 'idle' }
  | { step: 'asking' }
  | { step: 'tabs-denied' }
  | { step: 'tabs'; tabs: OdooTab[] }
  | { step: 'reading'; tabs: OdooTab[]; tab: OdooTab }
  | { step: 'read'; tabs: OdooTab[]; tab: OdooTab; result: DiscoveryResult }
  | { step: 'adding'; tabs: OdooTab[]; tab: OdooTab; result: DiscoveryResult }
  | { step: 'failed'; detail: string };

export type ImportView = null | { file: string; errors: ValidationError[] } | { file: string; added: number; updated: number; warnings: ValidationError[] };

export interface OptionsModel {
  /** The configuration in force (`managed`: what the administrator's policy sets); null until the worker answered. */
  config: ManagedConfig | null;
  loadError?: string;
  /** Device id -> host access held (undefined while unknown). */
  access: Record<string, boolean | undefined>;
  /** Device id -> warnings of the saved entry (a public IP saved anyway). */
  warnings: Record<string, ValidationError[]>;
  notice?: { text: string; tone: 'ok' | 'warn' | 'error'; at: number };
  discovery: DiscoveryView;
  importView: ImportView;
}

export interface OptionsActions {
  /** Dry-run validation of a draft placed at `index` (null: a new device). */
  checkDevice(kind: DeviceKind, index: number | null, values: DraftValues): Promise<DraftProblems>;
  /**
   * Saves a draft; answers null when saved, else the problems. Call it synchronously from the
   * click/submit handler: it asks for the device's host permission first (`ask`).
   */
  saveDevice(kind: DeviceKind, index: number | null, values: DraftValues, ask: boolean): Promise<DraftProblems | null>;
  removeDevice(kind: DeviceKind, index: number): Promise<void>;
  /** Asks for host access to these devices (synchronously from a click). */
  grantAccess(deviceIds: string[]): void;
  /** Asks for the host access the administrator's devices still need (`managed.missingOrigins`; synchronously from a click), then reloads. */
  grantManaged(): void;
  saveSettings(values: SettingsDraft): Promise<ValidationError[] | null>;
  exportDevices(): void;
  importFile(file: File): void;
  findOdooTabs(): void;
  readTab(tab: OdooTab): void;
  addDiscovered(boxes: BoxProposal[], printers: PrinterProposal[]): void;
  closeDiscovery(): void;
}
