package io.kam.account.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The form names are searched in: accents stripped, lower case ("Société" matches "societe"). */
public final class SearchText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private SearchText() {}

  public static String of(String text) {
    return MARKS
        .matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
        .replaceAll("")
        .toLowerCase(Locale.ROOT);
  }
}
