package io.omendb.alex;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The alex module is JDK-only: its classes depend on {@code java.*} and each other, nothing else. */
class ArchitectureTest {

  private static final JavaClasses ALEX = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.omendb.alex");

  @Test
  void alexClasses_dependOnlyOnJdk() {
    classes().that().resideInAPackage("io.omendb.alex..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.omendb.alex..")
        .check(ALEX);
  }

  @Test
  void alexClasses_avoidJdkInternals() {
    classes().that().resideInAPackage("io.omendb.alex..")
        .should().onlyDependOnClassesThat().resideOutsideOfPackages("sun..", "jdk.internal..")
        .check(ALEX);
  }
}
