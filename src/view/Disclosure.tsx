import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

/** A button that shows and hides what follows it; aria-expanded tells assistive tech. */
export function Disclosure({ label, children, class: cls, testid }: { label: string; children: ComponentChildren; class?: string; testid?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div class={`disclosure ${cls ?? ''}`}>
      <button type="button" class="disclosure-toggle" aria-expanded={open} aria-controls={id} data-testid={testid} onClick={() => setOpen(!open)}>
        <span class="chevron" aria-hidden="true" />
        {label}
      </button>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
