package io.kam.chassis.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

public record WidgetRequest(
    @NotBlank @Size(max = 200) String name,
    @Min(1) @Max(5) Integer rating,
    Color color,
    List<@Valid Part> parts,
    LocalDate due) {

  public enum Color {
    RED,
    GREEN
  }

  public record Part(@NotBlank String sku) {}
}
