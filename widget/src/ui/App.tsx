import type { Signal } from '@preact/signals';
import type { ResolvedOptions } from '../options';
import type { ChatModel } from '../state/chat-model';
import { ChatPanel } from './ChatPanel';

export interface AppProps {
  model: ChatModel;
  options: ResolvedOptions;
  isOpen: Signal<boolean>;
  /** Close from inside the panel; the shell hands focus back to its launcher. */
  onClose: () => void;
}

/** The panel while open. The launcher belongs to the shell (plain DOM, in the first script). */
export function App({ model, options, isOpen, onClose }: AppProps) {
  return isOpen.value ? <ChatPanel model={model} options={options} onClose={onClose} /> : null;
}
