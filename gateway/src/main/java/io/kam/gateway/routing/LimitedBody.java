package io.kam.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body stream that fails once more than {@code max} bytes went through (chunked uploads).
 */
final class LimitedBody implements ReadStream<Buffer> {

  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("body too large", null, false, false);
    }
  }

  private final ReadStream<Buffer> source;
  private final long max;
  private long seen;
  private Handler<Throwable> exceptionHandler;

  LimitedBody(ReadStream<Buffer> source, long max) {
    this.source = source;
    this.max = max;
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    source.exceptionHandler(handler);
    return this;
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    if (handler == null) {
      source.handler(null);
      return this;
    }
    source.handler(
        buffer -> {
          seen += buffer.length();
          if (seen > max) {
            source.handler(null);
            if (exceptionHandler != null) {
              exceptionHandler.handle(new TooLarge());
            }
            return;
          }
          handler.handle(buffer);
        });
    return this;
  }

  @Override
  public ReadStream<Buffer> pause() {
    source.pause();
    return this;
  }

  @Override
  public ReadStream<Buffer> resume() {
    source.resume();
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    source.fetch(amount);
    return this;
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    source.endHandler(endHandler);
    return this;
  }
}
