/** A review under way: the two layers compared, and the reviewed layer the decisions go into. */
export interface ReviewSetup {
  a: string;
  b: string;
  /** The reviewed layer being built: an annotator layer of its own. */
  into: string;
}
