package io.kam.scoring.testdata;

import java.math.BigDecimal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** JSON numbers compared by value, whatever type the JSON path returned (1 is 1.0 is 1.00). */
public final class Numbers {

  private Numbers() {}

  public static Matcher<Object> number(String expected) {
    BigDecimal want = new BigDecimal(expected);
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(Object actual) {
        return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(want) == 0;
      }

      @Override
      public void describeTo(Description d) {
        d.appendText("a number equal to " + expected);
      }
    };
  }
}
