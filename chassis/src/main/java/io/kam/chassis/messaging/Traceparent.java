package io.kam.chassis.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/** The W3C traceparent of the current span, if there is a valid one. */
final class Traceparent {

  private Traceparent() {}

  static String current() {
    SpanContext ctx = Span.current().getSpanContext();
    if (!ctx.isValid()) {
      return null;
    }
    return "00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-" + ctx.getTraceFlags().asHex();
  }

  private static final TextMapGetter<String> HEADER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
          return "traceparent".equals(key) ? carrier : null;
        }
      };

  /**
   * Runs {@code work} in the trace of the event it handles, unless a span of that trace is current
   * already (the consumer's span of a record consumed on its own): a batch of records has no span
   * per record, so the events a handler publishes would otherwise carry no trace, or the batch's.
   */
  static void within(String traceparent, Runnable work) {
    SpanContext current = Span.current().getSpanContext();
    if (traceparent == null
        || (current.isValid() && traceparent.contains("-" + current.getTraceId() + "-"))) {
      work.run();
      return;
    }
    Context context =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, HEADER);
    try (Scope ignored = context.makeCurrent()) {
      work.run();
    }
  }
}
