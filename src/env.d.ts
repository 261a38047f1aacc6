declare namespace App {
  interface Locals {
    /** Set by a claim page so its `<Cite>` markers can label themselves. */
    citedPassages?: ReadonlyMap<string, import("@/lib/claim-page").CitedPassage>;
    /** Citation ids already marked once on the page (the back-link target). */
    citationsSeen?: Set<string>;
  }
}
