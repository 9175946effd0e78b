/**
 * What the dataset is, in the words every release document uses: the card,
 * CITATION.cff, datapackage.json and the landing page take their title and
 * abstract from here, so that they cannot say different things.
 */

export const TITLE = "eventwire: news events, coded by hand from public reports";

export const ABSTRACT =
  "News events (who did what to whom, where and when) coded by hand from public news reports, each citing the outlets that reported it and the agencies they credit, with registries of actors and outlets. Event types are the 16 PLOVER categories.";

export const LICENCE = "CC BY 4.0";
