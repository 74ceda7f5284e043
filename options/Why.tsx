/** The reason for a permission, written next to the button that asks for it. */
export function Why({ id, text, small }: { id: string; text: string; small?: boolean }) {
  return (
    <p id={id} class={`why${small ? ' small-why' : ''}`}>
      <svg class="why-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm1.5 0h5V5a2.5 2.5 0 0 0-5 0v2Z" />
      </svg>
      <span>{text}</span>
    </p>
  );
}
