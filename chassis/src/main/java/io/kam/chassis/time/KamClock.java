package io.kam.chassis.time;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one source of "now" for every time-dependent rule. {@code kam.clock.fixed} pins it (demos,
 * tests); {@link #set} moves a pinned clock (tests, and the admin clock endpoint when enabled).
 */
@Singleton
public class KamClock {

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  public KamClock(ClockConfig config) {
    config.fixed().ifPresent(fixed::set);
  }

  public Instant now() {
    Instant f = fixed.get();
    return f != null ? f : Instant.now();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneOffset.UTC);
  }

  public YearMonth currentMonth() {
    return YearMonth.from(today());
  }

  public Clock asClock() {
    return Clock.fixed(now(), ZoneOffset.UTC);
  }

  public boolean isFixed() {
    return fixed.get() != null;
  }

  /** Pins the clock to {@code instant}; {@code null} returns to the system clock. */
  public void set(Instant instant) {
    fixed.set(instant);
  }
}
