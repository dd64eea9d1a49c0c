package io.kam.demo.load;

/**
 * The load cannot go on (the gateway refuses the loader's credentials, a key cannot be created).
 */
public final class LoadException extends Exception {
  public LoadException(String message) {
    super(message);
  }
}
