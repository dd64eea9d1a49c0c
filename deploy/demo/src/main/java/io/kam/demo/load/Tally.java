package io.kam.demo.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to one kind of item: counts per status, rejected items with reasons, failed
 * batches.
 */
public final class Tally {

  /** Rejections listed in the summary; the rest are only counted. */
  static final int LISTED = 20;

  private final String label;
  private final Map<String, Integer> statuses = new TreeMap<>();
  private final List<String> rejections = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private int sent;
  private int pending;
  private int batches;
  private java.time.Duration took;

  public Tally(String label) {
    this.label = label;
  }

  public synchronized void sent(int items) {
    sent += items;
    batches++;
  }

  /** How long the kind took, for the summary line. */
  public synchronized void took(java.time.Duration duration) {
    took = duration;
  }

  public synchronized void status(String status, boolean isPending) {
    statuses.merge(status, 1, Integer::sum);
    if (isPending) {
      pending++;
    }
  }

  public synchronized void rejected(String item, String reason) {
    statuses.merge("REJECTED", 1, Integer::sum);
    rejections.add(item + ": " + reason);
  }

  public synchronized void failed(String what) {
    failures.add(what);
  }

  public synchronized int count(String status) {
    return statuses.getOrDefault(status, 0);
  }

  public synchronized int pending() {
    return pending;
  }

  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  public synchronized List<String> rejections() {
    return List.copyOf(rejections);
  }

  public synchronized String line() {
    StringBuilder sb = new StringBuilder(String.format("%-17s %7d sent", label, sent));
    statuses.forEach((s, n) -> sb.append(", ").append(n).append(' ').append(s.toLowerCase()));
    if (pending > 0) {
      sb.append(" (").append(pending).append(" pending: account not yet known to kpi-service)");
    }
    if (!failures.isEmpty()) {
      sb.append(", ")
          .append(failures.size())
          .append(" of ")
          .append(batches)
          .append(" requests FAILED");
    }
    if (took != null) {
      sb.append(" in ").append(took.toSeconds()).append('s');
    }
    return sb.toString();
  }

  public synchronized List<String> details() {
    List<String> out = new ArrayList<>();
    failures.forEach(f -> out.add(label + " batch failed: " + f));
    rejections.stream().limit(LISTED).forEach(r -> out.add(label + " rejected " + r));
    if (rejections.size() > LISTED) {
      out.add(label + ": " + (rejections.size() - LISTED) + " more rejected items not listed");
    }
    return out;
  }
}
