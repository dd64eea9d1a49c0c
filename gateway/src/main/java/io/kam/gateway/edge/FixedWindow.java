package io.kam.gateway.edge;

/**
 * A fixed-window counter: at most {@code limit} events per window. A few fields per client, so one
 * per user, key or address stays cheap; thread-safe.
 */
public final class FixedWindow {

  private final int limit;
  private final long windowMillis;
  private long windowStart;
  private int count;

  public FixedWindow(int limit, long windowMillis) {
    this.limit = limit;
    this.windowMillis = windowMillis;
  }

  /**
   * Counts one event; 0 when it fits in the window, else the milliseconds until the next window.
   */
  public synchronized long tryAcquire(long nowMillis) {
    roll(nowMillis);
    if (count >= limit) {
      return windowStart + windowMillis - nowMillis;
    }
    count++;
    return 0;
  }

  /** Milliseconds until the window ends when the limit is reached, without counting; else 0. */
  public synchronized long exhaustedFor(long nowMillis) {
    roll(nowMillis);
    return count >= limit ? windowStart + windowMillis - nowMillis : 0;
  }

  /** Counts one event even past the limit. */
  public synchronized void record(long nowMillis) {
    roll(nowMillis);
    if (count < Integer.MAX_VALUE) {
      count++;
    }
  }

  public int limit() {
    return limit;
  }

  private void roll(long nowMillis) {
    if (nowMillis - windowStart >= windowMillis) {
      windowStart = nowMillis - (nowMillis % windowMillis);
      count = 0;
    }
  }

  /** Whole seconds to wait, at least one: the value of a Retry-After header. */
  public static long retryAfterSeconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }
}
