package io.omendb.pg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wire-format packages stay free of the database: they could be lifted into a client library as they are. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.omendb.pg");
  }

  @Test
  void protocolPackages_dependOnNeitherEngineNorAdapterNorCalcite() {
    noClasses().that().resideInAnyPackage("io.omendb.pg.message..", "io.omendb.pg.codec..", "io.omendb.pg.types..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("io.omendb.engine..", "io.omendb.adapter..", "org.apache.calcite..")
        .check(classes);
  }

  @Test
  void protocolPackages_doNotDependOnTheServer() {
    noClasses().that().resideInAnyPackage("io.omendb.pg.message..", "io.omendb.pg.codec..", "io.omendb.pg.types..")
        .should().dependOnClassesThat().resideInAPackage("io.omendb.pg.server..")
        .check(classes);
  }

  @Test
  void messages_dependOnTheJdkOnly() {
    noClasses().that().resideInAPackage("io.omendb.pg.message..")
        .should().dependOnClassesThat().resideInAnyPackage("io.omendb.pg.codec..", "io.omendb.pg.types..")
        .check(classes);
  }

  @Test
  void server_doesNotReachIntoTheEngineOrCalcite() {
    // The one exception: the SCRAM verifier, a value type of engine.users that LoginRole hands to authentication.
    noClasses().that().resideInAPackage("io.omendb.pg..")
        .should().dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe("engine or Calcite classes other than the"
                + " SCRAM verifier", c -> (c.getPackageName().startsWith("io.omendb.engine")
                    && !c.getName().equals("io.omendb.engine.users.ScramVerifier"))
                || c.getPackageName().startsWith("org.apache.calcite")))
        .check(classes);
  }

  @Test
  void authAndTls_doNotDependOnTheServerPackage() {
    noClasses().that().resideInAnyPackage("io.omendb.pg.auth..", "io.omendb.pg.tls..")
        .should().dependOnClassesThat().resideInAnyPackage("io.omendb.pg.server..", "io.omendb.pg.codec..",
            "io.omendb.pg.message..")
        .check(classes);
  }

  @Test
  void tls_dependsOnNeitherAdapterNorEngine() {
    noClasses().that().resideInAPackage("io.omendb.pg.tls..")
        .should().dependOnClassesThat().resideInAnyPackage("io.omendb.adapter..", "io.omendb.engine..")
        .check(classes);
  }
}
