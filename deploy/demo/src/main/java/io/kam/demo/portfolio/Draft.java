package io.kam.demo.portfolio;

/** An account while the generator works it out: its place in the structure, size and pattern. */
final class Draft {

  enum Kind {
    GROUP,
    SUBSIDIARY,
    STANDALONE
  }

  final int position;
  final Kind kind;
  final String externalId;
  final Draft parent;

  /** The group root for subsidiaries, itself otherwise. */
  final Draft root;

  final String baseName;
  final String name;
  final String slug;
  final String country;
  final String industry;
  String ownerId;
  RevenuePattern pattern;

  /**
   * Target annual revenue at the end of the window (before churn for churned ones); 0 for
   * prospects.
   */
  double annualRevenue;

  /** 0 = the biggest account, towards 1 = the smallest. */
  double percentile;

  Draft(
      int position,
      Kind kind,
      String externalId,
      Draft parent,
      String baseName,
      String name,
      String slug,
      String country,
      String industry) {
    this.position = position;
    this.kind = kind;
    this.externalId = externalId;
    this.parent = parent;
    this.root = parent == null ? this : parent.root;
    this.baseName = baseName;
    this.name = name;
    this.slug = slug;
    this.country = country;
    this.industry = industry;
  }
}
