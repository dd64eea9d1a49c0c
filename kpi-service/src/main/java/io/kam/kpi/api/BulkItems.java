package io.kam.kpi.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kam.chassis.problem.InvalidInputException;
import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemMappers;
import io.kam.kpi.domain.ingest.BulkItem;
import io.kam.kpi.domain.ingest.ItemResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a bulk request's items one at a time. An item whose value cannot be read as its field's
 * type (a date that is not a date, a number that is not a number, a kind that is none of the
 * values) is that item's REJECTED result naming the field; the others go on. What the chassis
 * refuses for any body stays a 400 for the request, naming {@code items[i].field}: an unknown field
 * (a typo is never dropped) and hostile text (a NUL, an unpaired surrogate, a string over the
 * bounds, a year outside 1..9999).
 */
final class BulkItems<T extends BulkItem> {

  private final List<T> wellFormed = new ArrayList<>();
  private final List<Integer> positions = new ArrayList<>();
  private final ItemResult[] results;

  private BulkItems(int size) {
    this.results = new ItemResult[size];
  }

  static <T extends BulkItem> BulkItems<T> read(
      ObjectMapper mapper, List<JsonNode> nodes, Class<T> type) throws JsonMappingException {
    BulkItems<T> items = new BulkItems<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode node = nodes.get(i);
      if (node == null || node.isNull()) {
        items.wellFormed.add(null); // the ingest's screen rejects it: "must be an object"
        items.positions.add(i);
        continue;
      }
      if (!node.isObject()) {
        items.results[i] = rejected(node, new Problem.FieldError("", "must be an object"));
        continue;
      }
      try {
        items.wellFormed.add(mapper.treeToValue(node, type));
        items.positions.add(i);
      } catch (UnrecognizedPropertyException | InvalidInputException e) {
        e.prependPath(nodes, i);
        e.prependPath(BulkRequest.class, "items");
        throw e;
      } catch (JsonMappingException e) {
        items.results[i] = rejected(node, ProblemMappers.fieldErrorOf(e));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        items.results[i] = rejected(node, new Problem.FieldError("", "cannot be read"));
      }
    }
    return items;
  }

  /** The items that could be read, in request order (a JSON null stays null). */
  List<T> wellFormed() {
    return wellFormed;
  }

  /** Every result in request order: the ingest's for the read items, REJECTED for the others. */
  List<ItemResult> merge(List<ItemResult> ingested) {
    ItemResult[] all = Arrays.copyOf(results, results.length);
    for (int k = 0; k < positions.size(); k++) {
      all[positions.get(k)] = ingested.get(k);
    }
    return Arrays.asList(all);
  }

  private static ItemResult rejected(JsonNode node, Problem.FieldError error) {
    return ItemResult.rejected(text(node, "source"), text(node, "externalId"), error);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
