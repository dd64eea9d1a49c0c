package io.kam.chassis.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
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
    within(NO_SPANS, null, traceparent, work);
  }

  private static final Tracer NO_SPANS = OpenTelemetry.noop().getTracer("kam-chassis");

  /**
   * As {@link #within(String, Runnable)}, in a consumer span named {@code name} (a child of the
   * producer's span), so an exported trace shows where the event was applied. The span is recorded
   * only when the producer's trace is sampled and export is on ({@code io.kam.chassis.ops.
   * TraceSampling}); otherwise it only carries the trace id.
   */
  static void within(Tracer tracer, String name, String traceparent, Runnable work) {
    SpanContext current = Span.current().getSpanContext();
    if (traceparent == null
        || (current.isValid() && traceparent.contains("-" + current.getTraceId() + "-"))) {
      work.run();
      return;
    }
    Context parent =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, HEADER);
    Span span =
        tracer
            .spanBuilder(name == null ? "event process" : name + " process")
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .startSpan();
    try (Scope ignored = parent.with(span).makeCurrent()) {
      work.run();
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }

  /**
   * A producer span for one outbox row published to {@code topic}, child of the row's trace (the
   * request that wrote it); {@code null} when the row has no trace. The caller ends it on the
   * broker's acknowledgement.
   */
  static Span publishing(Tracer tracer, String topic, String traceparent) {
    if (traceparent == null) {
      return null;
    }
    Context parent =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, HEADER);
    return tracer
        .spanBuilder(topic + " publish")
        .setParent(parent)
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", topic)
        .startSpan();
  }

  /** The traceparent header of {@code span}, or {@code fallback} when it has no valid context. */
  static String of(Span span, String fallback) {
    if (span == null || !span.getSpanContext().isValid()) {
      return fallback;
    }
    SpanContext ctx = span.getSpanContext();
    return "00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-" + ctx.getTraceFlags().asHex();
  }
}
