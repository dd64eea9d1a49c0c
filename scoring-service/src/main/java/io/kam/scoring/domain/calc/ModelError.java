package io.kam.scoring.domain.calc;

/**
 * One problem of a model draft. {@code field} is the JSON path as the client wrote it (e.g. {@code
 * criteria[2].weight}), ready for a problem+json {@code errors} entry.
 */
public record ModelError(String field, String message) {}
