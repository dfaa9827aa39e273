import type { Ref } from 'preact';

export interface LauncherProps {
  isOpen: boolean;
  onToggle: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}

/** The round button that opens and closes the panel. */
export function Launcher({ isOpen, onToggle, buttonRef }: LauncherProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class="wc-launcher"
      aria-label={isOpen ? 'Close support chat' : 'Open support chat'}
      aria-expanded={isOpen}
      onClick={onToggle}
    >
      {isOpen ? (
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          stroke-width="2.4"
        >
          <path d="M6 6l12 12M18 6L6 18" stroke-linecap="round" />
        </svg>
      ) : (
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
          <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
        </svg>
      )}
    </button>
  );
}
