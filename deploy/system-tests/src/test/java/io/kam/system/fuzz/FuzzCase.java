package io.kam.system.fuzz;

import java.util.Map;

/** One malformed request: what it breaks (for the report), and the request as sent. */
record FuzzCase(
    String operation,
    String label,
    String method,
    String pathAndQuery,
    Map<String, String> headers,
    byte[] body) {}
