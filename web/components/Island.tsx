import type { ComponentType } from "preact";
import { usePage } from "./page_context.ts";

/** Props of {@link Island}. */
export interface IslandProps<P> {
  /** Island name: the file `web/islands/<name>.tsx`. */
  name: string;
  /** The island component (rendered on the server for the first paint). */
  component: ComponentType<P>;
  /** Serialisable props, sent to the browser in `data-props`. */
  props: P;
}

/**
 * Server-renders an island inside its marker `<div data-island data-props>`; the client entry
 * loads the island's chunk and hydrates it there.
 */
export function Island<P>({ name, component: C, props }: IslandProps<P>) {
  usePage().islands.add(name);
  return (
    <div class="island" data-island={name} data-props={JSON.stringify(props)}>
      {/* @ts-ignore: P is the component's own props */}
      <C {...props} />
    </div>
  );
}
