package io.kam.planning.api;

import java.util.List;

/** A whole, unpaged list: {@code {"items": [...]}}, typed per kind in the OpenAPI document. */
public record Items<V>(List<V> items) {}
