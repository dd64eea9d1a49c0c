package io.kam.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Entities never leave their service: resources speak DTO records, in and out. */
class ResourceSignaturesTest {

  static final String ENTITY = "jakarta.persistence.Entity";
  static final String PATH = "jakarta.ws.rs.Path";

  @Test
  void noResourceTakesOrReturnsAnEntity() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(PATH)
        .and()
        .arePublic()
        .should(exposeNoEntity())
        .check(KamClasses.ALL);
  }

  private static ArchCondition<JavaMethod> exposeNoEntity() {
    return new ArchCondition<>("take and return no entity") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Set<JavaClass> involved = new HashSet<>(method.getReturnType().getAllInvolvedRawTypes());
        method.getParameterTypes().forEach(t -> involved.addAll(t.getAllInvolvedRawTypes()));
        for (JavaClass type : involved) {
          if (type.isAnnotatedWith(ENTITY)) {
            events.add(
                SimpleConditionEvent.violated(
                    method, method.getFullName() + " exposes the entity " + type.getName()));
          }
        }
      }
    };
  }
}
