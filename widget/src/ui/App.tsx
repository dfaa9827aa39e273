import type { Signal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { ResolvedOptions } from '../options';
import type { ChatModel } from '../state/chat-model';
import { ChatPanel } from './ChatPanel';
import { Launcher } from './Launcher';

export interface AppProps {
  model: ChatModel;
  options: ResolvedOptions;
  isOpen: Signal<boolean>;
  onOpenChange: (open: boolean) => void;
}

/** Launcher plus panel. Closing from inside the panel hands focus back to the launcher. */
export function App({ model, options, isOpen, onOpenChange }: AppProps) {
  const launcherRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const open = isOpen.value;

  function close() {
    onOpenChange(false);
    launcherRef.current?.focus();
  }

  return (
    <div class={`wc-root${options.position === 'bottom-left' ? ' wc-left' : ''}`}>
      {open && (
        <ChatPanel model={model} title={options.title} onClose={close} panelRef={panelRef} />
      )}
      <Launcher
        isOpen={open}
        buttonRef={launcherRef}
        onToggle={() => (open ? close() : onOpenChange(true))}
      />
    </div>
  );
}
