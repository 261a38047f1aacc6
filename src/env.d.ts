declare namespace App {
  interface Locals {
    /** Set by a claim page so its `<Cite>` markers can number themselves. */
    citationNumbers?: Map<string, number>;
    /** Citation ids already marked once on the page (the back-link target). */
    citationsSeen?: Set<string>;
  }
}
